package juspaytest

// SampleCustomerID is the customer of Juspay's Refresh All Wallets sample.
const SampleCustomerID = "cth_eN4e4kR12CJV"

// SampleCustomer returns the customer of Juspay's Refresh All Wallets sample
// response: a linked MOBIKWIK wallet with balance 100 and a linked PAYTM
// wallet with balance 95, whose sub_details add PAYTM_POSTPAID at 22222.
// Refresh All Wallets for it answers the published sample, field for field
// (the MOBIKWIK token keeps the sample's trailing space). Each call returns a
// fresh value.
//
//	srv.AddCustomer(juspaytest.SampleCustomer())
func SampleCustomer() Customer {
	return Customer{
		ID: SampleCustomerID,
		Wallets: []Wallet{
			{
				ID:             "wlm_vT890Ngjknnknb89",
				Gateway:        "MOBIKWIK",
				JuspayBankCode: "JP_MOBIKWIK",
				Linked:         true,
				Token:          "tk_ecbio8b69p8aiojdnap9b8u ",
				Balance:        "100",
				LastRefreshed:  "2023-09-11T08:29:47Z",
				Metadata:       map[string]string{"mobile_number": "9999999999"},
				SubDetails: []SubDetail{
					{PaymentMethod: "MOBIKWIK", PaymentMethodType: "WALLET", Balance: "100", LastRefreshed: "2023-09-11T08:29:47Z"},
				},
			},
			{
				ID:             "wlm_blUutbvo76578u",
				Gateway:        "PAYTM",
				JuspayBankCode: "JP_PAYTM",
				Linked:         true,
				Token:          "tk_csdjcbsd678ovsyfowe9f8nsjdncbs86va",
				Balance:        "95",
				LastRefreshed:  "2023-09-11T08:29:46Z",
				Metadata:       map[string]string{"device_id": "blUutbvo76578u", "mobile_number": "9999999999"},
				SubDetails: []SubDetail{
					{PaymentMethod: "PAYTM_POSTPAID", PaymentMethodType: "WALLET", Balance: "22222", LastRefreshed: "2023-09-11T08:29:46.985Z"},
					{PaymentMethod: "PAYTM", PaymentMethodType: "WALLET", Balance: "95", LastRefreshed: "2023-09-11T08:29:46Z"},
				},
			},
		},
	}
}
