// SPDX-License-Identifier: UNLICENSED
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Permit.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {SignatureChecker} from "@openzeppelin/contracts/utils/cryptography/SignatureChecker.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

/// @title Idempotent stablecoin payments: each payment id moves money once, each refund id moves it back once.
/// @notice The payer signs an order (EIP-712) and, optionally, an EIP-2612 permit; anyone may relay both, so the
/// platform pays the gas. The signature binds payee and amount, so a relayer cannot redirect the money. A crashed
/// sender that retries cannot pay twice: the second transaction reverts with PaymentExists.
contract PaymentRouter is EIP712 {
    using SafeERC20 for IERC20;

    struct PaymentOrder {
        bytes32 paymentId;
        address token;
        address payer;
        address payee;
        uint256 amount;
        uint256 deadline;
    }

    /// @dev A permit with v == 0 is skipped: the payer approved the router some other way.
    struct PermitSignature {
        uint8 v;
        bytes32 r;
        bytes32 s;
    }

    /// @dev Three storage slots: the platform pays the gas of every write. uint96 holds 7.9e28 base units.
    struct PaymentRecord {
        address payer;
        uint64 blockNumber;
        address payee;
        uint96 refunded;
        address token;
        uint96 amount;
    }

    struct RefundRecord {
        bytes32 paymentId;
        uint96 amount;
        uint64 blockNumber;
    }

    bytes32 public constant PAYMENT_ORDER_TYPEHASH = keccak256(
        "PaymentOrder(bytes32 paymentId,address token,address payer,address payee,uint256 amount,uint256 deadline)"
    );

    mapping(bytes32 paymentId => PaymentRecord) public payments;
    mapping(bytes32 refundId => RefundRecord) public refunds;

    event Payment(bytes32 indexed paymentId, address indexed payer, address indexed payee, address token, uint256 amount);
    event Refund(bytes32 indexed refundId, bytes32 indexed paymentId, uint256 amount);

    error PaymentExists(bytes32 paymentId);
    error RefundExists(bytes32 refundId);
    error UnknownPayment(bytes32 paymentId);
    error OrderExpired(uint256 deadline);
    error InvalidSignature();
    error NotPayee(address payee);
    error ZeroAmount();
    error RefundExceedsPayment(uint256 refundable);

    constructor() EIP712("FanzPaymentRouter", "1") {}

    /// @notice Moves `order.amount` of `order.token` from payer to payee, once per payment id.
    function pay(PaymentOrder calldata order, bytes calldata signature, PermitSignature calldata permit) external {
        if (payments[order.paymentId].payer != address(0)) revert PaymentExists(order.paymentId);
        if (order.amount == 0) revert ZeroAmount();
        if (block.timestamp > order.deadline) revert OrderExpired(order.deadline);
        if (!SignatureChecker.isValidSignatureNow(order.payer, _orderDigest(order), signature)) revert InvalidSignature();
        // effects before the token calls, so a re-entrant token meets PaymentExists
        payments[order.paymentId] = PaymentRecord(
            order.payer, uint64(block.number), order.payee, 0, order.token, SafeCast.toUint96(order.amount)
        );
        emit Payment(order.paymentId, order.payer, order.payee, order.token, order.amount);
        if (permit.v != 0) {
            // a permit copied from the mempool may have been submitted first: the allowance it set is what counts
            try IERC20Permit(order.token).permit(
                order.payer, address(this), order.amount, order.deadline, permit.v, permit.r, permit.s
            ) {} catch {}
        }
        IERC20(order.token).safeTransferFrom(order.payer, order.payee, order.amount);
    }

    /// @notice The payee returns part or all of a payment, once per refund id; refunds never exceed the payment.
    /// @dev Pulls from the payee (msg.sender), which must have approved this router for the token.
    function refund(bytes32 paymentId, bytes32 refundId, uint256 amount) external {
        PaymentRecord storage payment = payments[paymentId];
        if (payment.payer == address(0)) revert UnknownPayment(paymentId);
        if (msg.sender != payment.payee) revert NotPayee(payment.payee);
        if (refunds[refundId].blockNumber != 0) revert RefundExists(refundId);
        if (amount == 0) revert ZeroAmount();
        uint256 refundable = payment.amount - payment.refunded;
        if (amount > refundable) revert RefundExceedsPayment(refundable);
        // amount <= refundable < 2^96, so the narrowing below cannot overflow
        payment.refunded += uint96(amount);
        refunds[refundId] = RefundRecord(paymentId, uint96(amount), uint64(block.number));
        emit Refund(refundId, paymentId, amount);
        IERC20(payment.token).safeTransferFrom(msg.sender, payment.payer, amount);
    }

    function _orderDigest(PaymentOrder calldata order) private view returns (bytes32) {
        return _hashTypedDataV4(keccak256(abi.encode(
            PAYMENT_ORDER_TYPEHASH, order.paymentId, order.token, order.payer, order.payee, order.amount, order.deadline
        )));
    }
}
