package juspaytest

import "fmt"

// failedStatuses are the outcomes SettleOrder may give a held debit besides
// CHARGED.
var failedStatuses = map[string]bool{"AUTHENTICATION_FAILED": true, "AUTHORIZATION_FAILED": true, "JUSPAY_DECLINED": true}

// HoldDebits makes the debits that follow, while hold is true, answer
// PENDING_VBV even when the wallet's balance covers the order: the amount is
// taken from the balance at once, and the order stays PENDING_VBV until
// SettleOrder says how the debit ended. It is how a test makes Orders.Wait
// wait. HoldDebits(false) lets later debits charge at once again; debits
// already held stay held.
func (s *Server) HoldDebits(hold bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.store.holdDebits = hold
}

// SettleOrder ends the pending payment attempt of an order (a debit held by
// HoldDebits, or one left PENDING_VBV for want of balance) with status:
// "CHARGED", or a failure, "AUTHENTICATION_FAILED", "AUTHORIZATION_FAILED"
// or "JUSPAY_DECLINED". A held debit that fails gives its amount back to
// the wallet; one left pending for want of balance is charged without
// touching the balance (the customer paid on the top-up page). A failed
// attempt leaves the order open to another debit. The webhooks of the
// outcome are sent as for any debit. It fails for an unknown order, one
// with no pending attempt, or another status.
func (s *Server) SettleOrder(orderID, status string) error {
	if status != "CHARGED" && !failedStatuses[status] {
		return fmt.Errorf("juspaytest: SettleOrder: status %q is not CHARGED, AUTHENTICATION_FAILED, AUTHORIZATION_FAILED or JUSPAY_DECLINED", status)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	o := s.store.orders[orderID]
	if o == nil {
		return fmt.Errorf("juspaytest: SettleOrder: no order %q", orderID)
	}
	if o.txn == nil || o.txn.status != "PENDING_VBV" {
		return fmt.Errorf("juspaytest: SettleOrder: order %q has no pending payment attempt", orderID)
	}
	if status == "CHARGED" {
		s.charge(o)
		return nil
	}
	if o.txn.reserved {
		ws := s.store.wallets[o.txn.walletID]
		ws.Balance = add(ws.Balance, o.amount)
		o.txn.reserved = false
	}
	s.fail(o, status)
	return nil
}

// charge marks an order's latest attempt, and the order, CHARGED.
func (s *Server) charge(o *orderState) {
	o.charged = true
	o.status, o.txn.status = "CHARGED", "CHARGED"
	o.txn.pg = &pgResponseJSON{
		TxnID: o.txn.txnID, RRN: digits(12), EpgTxnID: digits(20), AuthIDCode: randomHex(3),
		RespCode: "01", RespMessage: "Txn Success", Created: now(),
	}
	o.lastUpdated = now()
	s.orderEvents(o)
}

// fail marks an order's latest attempt, and the order, with a failure.
func (s *Server) fail(o *orderState, status string) {
	o.status, o.txn.status = status, status
	o.txn.errorCode, o.txn.errorMessage = status, "The wallet provider declined the debit."
	o.txn.pg = &pgResponseJSON{
		TxnID: o.txn.txnID, RRN: "", EpgTxnID: "", AuthIDCode: "",
		RespCode: "FAILED", RespMessage: "Txn Failed", Created: now(),
	}
	o.lastUpdated = now()
	s.orderEvents(o)
}
