package juspay_test

import (
	"encoding/json"
	"fmt"
	"log"
	"net/url"
	"time"

	"github.com/gojuspay/juspay"
)

// A debit's answer: paid, or the customer must top up first.
func ExampleTransaction() {
	var txn juspay.Transaction
	err := json.Unmarshal([]byte(`{"order_id": "ord_1001", "txn_id": "merchant_123-ord_1001-1",
		"status": "PENDING_VBV", "payment": {"authentication": {"method": "GET",
		"url": "https://api.juspay.in/pay/start/guest/8646a7a029974fa99995fec00340a507"}}}`), &txn)
	if err != nil {
		log.Fatal(err)
	}
	switch txn.Status {
	case juspay.TxnCharged:
		fmt.Println("paid")
	case juspay.TxnPendingVBV:
		fmt.Println("redirect to", txn.Payment.Authentication.URL)
	default:
		fmt.Println("not paid:", txn.Status)
	}
	// Output: redirect to https://api.juspay.in/pay/start/guest/8646a7a029974fa99995fec00340a507
}

func ExampleTxnPayment() {
	var txn juspay.Transaction
	err := json.Unmarshal([]byte(`{"status": "PENDING_VBV", "payment": {"authentication":
		{"method": "GET", "url": "https://api.juspay.in/pay/start/guest/8646a7a0"}}}`), &txn)
	if err != nil {
		log.Fatal(err)
	}
	p := txn.Payment
	fmt.Println(p.Authentication.Method, p.Authentication.URL)
	// Output: GET https://api.juspay.in/pay/start/guest/8646a7a0
}

// For Method POST, the browser must post Params as a form: pass on every
// param, whatever its name.
func ExampleTxnAuthentication() {
	var auth juspay.TxnAuthentication
	err := json.Unmarshal([]byte(`{"method": "POST", "url": "https://wallet.example.com/topup",
		"params": {"txnToken": "abc123", "amount": 100.5}}`), &auth)
	if err != nil {
		log.Fatal(err)
	}
	if auth.Method == "POST" {
		form := url.Values{}
		for k, v := range auth.Params {
			form.Set(k, v)
		}
		fmt.Println("auto-submit to", auth.URL, form.Encode())
	}
	// Output: auto-submit to https://wallet.example.com/topup amount=100.5&txnToken=abc123
}

// Only TxnCharged is paid; a status the SDK does not know is not paid either.
func ExampleTxnStatus() {
	for _, s := range []juspay.TxnStatus{juspay.TxnCharged, juspay.TxnAuthorizing, juspay.TxnJuspayDeclined, "SOMETHING_NEW"} {
		switch {
		case s == juspay.TxnCharged:
			fmt.Println(s, "ship the goods")
		case s.Pending():
			fmt.Println(s, "wait: Orders.Wait settles it")
		default:
			fmt.Println(s, "offer another way to pay")
		}
	}
	// Output:
	// CHARGED ship the goods
	// AUTHORIZING wait: Orders.Wait settles it
	// JUSPAY_DECLINED offer another way to pay
	// SOMETHING_NEW offer another way to pay
}

// Juspay's answers disagree on shapes: linked as a string, a balance as a
// number or "", three timestamp layouts. A WalletAccount reads them all.
func ExampleWalletAccount() {
	var w juspay.WalletAccount
	err := json.Unmarshal([]byte(`{"object": "wallet_account", "id": "wlt_x1K6am", "wallet": "PAYTM",
		"linked": "true", "current_balance": 109.55, "last_refreshed": "2022-02-17T06:58:08Z",
		"token": "tk_04eccff6f4095a", "metadata": {"mobile_number": "7777777778"}}`), &w)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(w.Wallet, w.Linked, w.CurrentBalance, w.LastRefreshed.Format(time.DateOnly))
	fmt.Println(w) // safe to log: the token is masked
	// Output:
	// PAYTM true 109.55 2022-02-17
	// WalletAccount{ID: wlt_x1K6am, Wallet: PAYTM, Linked: true, CurrentBalance: 109.55, LastRefreshed: 2022-02-17T06:58:08Z, Token: [redacted]}
}

// Range over Wallets: Count and Total are Juspay's and may not match it.
func ExampleWalletAccountList() {
	var list juspay.WalletAccountList
	err := json.Unmarshal([]byte(`{"object": "list", "count": 1, "total": 1, "offset": 0, "list": [
		{"wallet": "PAYTM", "linked": true, "current_balance": "95"},
		{"wallet": "MOBIKWIK", "linked": false, "current_balance": null}]}`), &list)
	if err != nil {
		log.Fatal(err)
	}
	for _, w := range list.Wallets {
		if w.Linked && w.CurrentBalance != nil {
			fmt.Println(w.Wallet, "balance", w.CurrentBalance)
		} else {
			fmt.Println(w.Wallet, "offer to link")
		}
	}
	fmt.Println("count", list.Count, "len", len(list.Wallets))
	// Output:
	// PAYTM balance 95
	// MOBIKWIK offer to link
	// count 1 len 2
}

// Juspay's documented keys have fields; every other key is kept, as text.
func ExampleWalletMetadata() {
	var w juspay.WalletAccount
	err := json.Unmarshal([]byte(`{"wallet": "PAYTM", "metadata": {"mobile_number": 9999999999,
		"device_id": "dev_7", "kyc": true}}`), &w)
	if err != nil {
		log.Fatal(err)
	}
	m := w.Metadata
	fmt.Println(m.MobileNumber, m.DeviceID, m.Extra["kyc"])
	// Output: 9999999999 dev_7 true
}

// Get reads any key, documented or not.
func ExampleWalletMetadata_Get() {
	var m juspay.WalletMetadata
	if err := json.Unmarshal([]byte(`{"mobile_number": "9999999999", "kyc_level": 2}`), &m); err != nil {
		log.Fatal(err)
	}
	for _, key := range []string{"mobile_number", "kyc_level", "email"} {
		v, ok := m.Get(key)
		fmt.Printf("%s=%q %v\n", key, v, ok)
	}
	// Output:
	// mobile_number="9999999999" true
	// kyc_level="2" true
	// email="" false
}

// A Paytm wallet may hold a Postpaid line with its own balance: offer each
// payment method apart.
func ExampleWalletSubDetail() {
	var w juspay.WalletAccount
	err := json.Unmarshal([]byte(`{"wallet": "PAYTM", "linked": true, "current_balance": 95, "sub_details": [
		{"payment_method": "PAYTM_POSTPAID", "payment_method_type": "WALLET", "current_balance": 22222},
		{"payment_method": "PAYTM", "payment_method_type": "WALLET", "current_balance": "95"}]}`), &w)
	if err != nil {
		log.Fatal(err)
	}
	for _, d := range w.SubDetails {
		fmt.Println(d.PaymentMethod, d.CurrentBalance)
	}
	// Output:
	// PAYTM_POSTPAID 22222
	// PAYTM 95
}
