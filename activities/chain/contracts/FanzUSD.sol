// SPDX-License-Identifier: UNLICENSED
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

/// @title Fanz USD: the local chain's stand-in for USDC (6 decimals, EIP-2612 permit).
/// @notice Local and test chains only. On a real chain the platform is configured with USDC's address instead.
contract FanzUSD is ERC20, ERC20Permit, Ownable {
    constructor(address initialOwner) ERC20("Fanz USD", "fUSD") ERC20Permit("Fanz USD") Ownable(initialOwner) {}

    function decimals() public pure override returns (uint8) {
        return 6;
    }

    /// @notice Creates test money; only the owner (the local deployer) can.
    function mint(address to, uint256 amount) external onlyOwner {
        _mint(to, amount);
    }
}
