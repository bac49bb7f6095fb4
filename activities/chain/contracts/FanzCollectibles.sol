// SPDX-License-Identifier: UNLICENSED
pragma solidity ^0.8.24;

import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";
import {ERC2981} from "@openzeppelin/contracts/token/common/ERC2981.sol";
import {AccessControlDefaultAdminRules} from "@openzeppelin/contracts/access/extensions/AccessControlDefaultAdminRules.sol";
import {IERC165} from "@openzeppelin/contracts/interfaces/IERC165.sol";
import {IERC4906} from "@openzeppelin/contracts/interfaces/IERC4906.sol";

/// @title Fanz collectibles: numbered editions of a creator's work, minted by the platform once per mint id.
/// @notice The platform (MINTER_ROLE, a hot key in the worker) creates editions and mints into them; a repeated mint id
/// reverts with MintExists, so a crashed sender that retries cannot mint twice. Royalties (ERC-2981) go to the edition's
/// creator. A takedown hides an edition: its tokens keep their owners, but their metadata becomes REMOVED_URI.
/// @dev Token id = edition number << 32 | serial (1-based), so a token finds its edition without a per-token write.
/// The admin (DEFAULT_ADMIN_ROLE, a cold key) grants and revokes minters; handing the admin over takes two steps.
contract FanzCollectibles is ERC721, ERC2981, AccessControlDefaultAdminRules, IERC4906 {
    /// @dev One slot for what a mint reads and writes, one for the number, one (or more) for the URI.
    struct Edition {
        address creator;
        uint32 maxSupply;
        uint32 minted;
        bool hidden;
        uint16 royaltyBps;
        uint64 number;
        string uri;
    }

    bytes32 public constant MINTER_ROLE = keccak256("MINTER_ROLE");
    /// @notice How long a new admin waits before accepting the role.
    uint48 public constant ADMIN_TRANSFER_DELAY = 2 days;
    /// @notice The metadata of every token of a hidden edition:
    /// {"name":"Removed","description":"This collectible was removed by the platform."}
    string public constant REMOVED_URI = "data:application/json;base64,"
        "eyJuYW1lIjoiUmVtb3ZlZCIsImRlc2NyaXB0aW9uIjoiVGhpcyBjb2xsZWN0aWJsZSB3YXMgcmVtb3ZlZCBieSB0aGUgcGxhdGZvcm0uIn0=";

    mapping(bytes32 editionId => Edition) private _editions;
    mapping(uint256 number => bytes32 editionId) private _editionIds;
    mapping(bytes32 mintId => uint256 tokenId) public mintOf;
    uint64 public editionCount;

    event EditionCreated(bytes32 indexed editionId, address indexed creator, uint32 maxSupply, uint96 royaltyBps, string uri);
    /// @dev Not "EditionHidden": Solidity keeps one namespace for events and errors, and mint's revert has that name.
    event EditionTakenDown(bytes32 indexed editionId);
    event EditionRestored(bytes32 indexed editionId);
    event Minted(bytes32 indexed mintId, bytes32 indexed editionId, uint256 tokenId, address indexed to);

    error EditionExists(bytes32 editionId);
    error UnknownEdition(bytes32 editionId);
    error EditionHidden(bytes32 editionId);
    error EditionSoldOut(bytes32 editionId, uint32 maxSupply);
    error MintExists(bytes32 mintId);
    error ZeroCreator();
    error ZeroSupply();
    error RoyaltyTooHigh(uint96 royaltyBps);
    error EmptyURI();

    /// @dev Roles come as arguments: under CREATE2 msg.sender is the deployment proxy, not the platform.
    constructor(address admin, address minter)
        ERC721("Fanz Collectibles", "FANZ")
        AccessControlDefaultAdminRules(ADMIN_TRANSFER_DELAY, admin)
    {
        _grantRole(MINTER_ROLE, minter);
    }

    /// @notice Opens an edition of up to `maxSupply` tokens; its metadata URI (content-addressed) never changes.
    function createEdition(bytes32 editionId, address creator, uint32 maxSupply, uint96 royaltyBps, string calldata metadataURI)
        external
        onlyRole(MINTER_ROLE)
    {
        if (_editions[editionId].creator != address(0)) revert EditionExists(editionId);
        if (creator == address(0)) revert ZeroCreator();
        if (maxSupply == 0) revert ZeroSupply();
        if (royaltyBps > _feeDenominator()) revert RoyaltyTooHigh(royaltyBps);
        if (bytes(metadataURI).length == 0) revert EmptyURI();
        uint64 number = ++editionCount;
        // royaltyBps <= 10_000 was checked above, so it fits 16 bits
        _editions[editionId] = Edition(creator, maxSupply, 0, false, uint16(royaltyBps), number, metadataURI);
        _editionIds[number] = editionId;
        emit EditionCreated(editionId, creator, maxSupply, royaltyBps, metadataURI);
    }

    /// @notice Mints the edition's next serial to `to`, once per mint id; returns the token id.
    function mint(bytes32 editionId, address to, bytes32 mintId) external onlyRole(MINTER_ROLE) returns (uint256 tokenId) {
        if (mintOf[mintId] != 0) revert MintExists(mintId);
        Edition storage e = _editions[editionId];
        if (e.creator == address(0)) revert UnknownEdition(editionId);
        if (e.hidden) revert EditionHidden(editionId);
        if (e.minted >= e.maxSupply) revert EditionSoldOut(editionId, e.maxSupply);
        uint32 serial = ++e.minted;
        tokenId = _tokenId(e.number, serial);
        mintOf[mintId] = tokenId;
        emit Minted(mintId, editionId, tokenId, to);
        // safe mint: a contract that cannot hold ERC-721 tokens reverts the whole mint, mint id included
        _safeMint(to, tokenId);
    }

    /// @notice Takedown: the edition's tokens show REMOVED_URI and no more are minted; owners and history stay.
    /// @dev Idempotent, so a retried takedown succeeds; only a change emits events.
    function hideEdition(bytes32 editionId) external onlyRole(MINTER_ROLE) {
        Edition storage e = _knownEdition(editionId);
        if (e.hidden) return;
        e.hidden = true;
        emit EditionTakenDown(editionId);
        _announceMetadataChange(e);
    }

    /// @notice Reverses a takedown: the original metadata returns and minting resumes.
    function unhideEdition(bytes32 editionId) external onlyRole(MINTER_ROLE) {
        Edition storage e = _knownEdition(editionId);
        if (!e.hidden) return;
        e.hidden = false;
        emit EditionRestored(editionId);
        _announceMetadataChange(e);
    }

    /// @notice An edition as created, with its mint count and takedown state (creator 0 = no such edition).
    function edition(bytes32 editionId) external view returns (
        address creator, uint32 maxSupply, uint32 minted, bool hidden, uint96 royaltyBps, string memory uri
    ) {
        Edition storage e = _editions[editionId];
        return (e.creator, e.maxSupply, e.minted, e.hidden, e.royaltyBps, e.uri);
    }

    /// @notice Which edition a token belongs to and its serial within it (editionId 0 = no such edition).
    function editionOf(uint256 tokenId) public view returns (bytes32 editionId, uint32 serial) {
        return (_editionIds[tokenId >> 32], uint32(tokenId));
    }

    function tokenURI(uint256 tokenId) public view override returns (string memory) {
        _requireOwned(tokenId);
        (bytes32 editionId,) = editionOf(tokenId);
        Edition storage e = _editions[editionId];
        return e.hidden ? REMOVED_URI : e.uri;
    }

    /// @notice ERC-2981: the edition's creator receives royaltyBps of the sale price, hidden or not.
    function royaltyInfo(uint256 tokenId, uint256 salePrice) public view override returns (address, uint256) {
        (bytes32 editionId,) = editionOf(tokenId);
        Edition storage e = _editions[editionId];
        return (e.creator, salePrice * e.royaltyBps / _feeDenominator());
    }

    function supportsInterface(bytes4 interfaceId)
        public
        view
        override(ERC721, ERC2981, AccessControlDefaultAdminRules, IERC165)
        returns (bool)
    {
        return interfaceId == bytes4(0x49064906) || super.supportsInterface(interfaceId);
    }

    function _knownEdition(bytes32 editionId) private view returns (Edition storage e) {
        e = _editions[editionId];
        if (e.creator == address(0)) revert UnknownEdition(editionId);
    }

    /// @dev ERC-4906: marketplaces re-read the metadata of the edition's tokens instead of showing a cached copy.
    function _announceMetadataChange(Edition storage e) private {
        if (e.minted > 0) emit BatchMetadataUpdate(_tokenId(e.number, 1), _tokenId(e.number, e.minted));
    }

    function _tokenId(uint64 number, uint32 serial) private pure returns (uint256) {
        return uint256(number) << 32 | serial;
    }
}
