package juspay_test

// lcSamples are the response bodies Juspay publishes beside its API
// reference, byte for byte, keyed by file name.
var lcSamples = map[string]string{
	"authenticate--response": `{
  "id": "wlt_q23xzki3pazgtezo",
  "object": "wallet_account",
  "wallet": "MOBIKWIK",
  "token": null,
  "current_balance": null,
  "linked": false,
  "last_refreshed": null
}`,
	"create-wallet--mobile_number": `{
  "id": "wlt_yvuidaocnaupkvz3",
  "object": "wallet_account",
  "wallet": "MOBIKWIK",
  "token": null,
  "current_balance": null,
  "linked": false,
  "last_refreshed": null,
  "metadata": {
    "mobile_number": "9999999999"
  },
  "gateway_reference_id": null
}`,
	"create-wallet--response": `{
  "id": "wlt_q23xzki3pazgtezo",
  "object": "wallet_account",
  "wallet": "MOBIKWIK",
  "token": null,
  "current_balance": null,
  "linked": false,
  "last_refreshed": null
}`,
	"delink-wallet--response": `{
  "id": "wlt_q23xzki3pazgtezo",
  "object": "wallet_account",
  "wallet": "MOBIKWIK",
  "token": null,
  "current_balance": null,
  "linked": "false",
  "last_refreshed": null
}`,
	"direct-debit--response": `{
  "order_id": ":order_id",
  "txn_id": ":txn_id",
  "status": "PENDING_VBV",
  "payment": {
    "authentication": {
      "method": "GET",
      "url": "https://api.juspay.in/pay/start/guest/8646a7a029974fa99995fec00340a507"
    }
  }
}`,
	"eligibility--error": `{
  "payment_methods_eligibility": [
    {
      "status": "USER_NOT_FOUND",
      "payment_method_type": "WALLET",
      "payment_method": "OLAPOSTPAID",
      "is_eligible": false,
      "gateway_error_code": "OC_011",
      "gateway_error_message": "user not found",
      "description": "Olapostpaid Wallet"
    }
  ]
}`,
	"eligibility--response": `{
  "payment_methods_eligibility": [
    {
      "status": "SUCCESS",
      "payment_method_type": "WALLET",
      "payment_method": "LAZYPAY",
      "is_eligible": true,
      "eligibility_strategy": "TRANSACTION",
      "due_date": "03 December 2019",
      "description": "Lazy Pay Wallet"
    },
    {
      "status": "SUCCESS",
      "payment_method_type": "WALLET",
      "payment_method": "OLAPOSTPAID",
      "is_eligible": true,
      "gateway_error_message": "Ola Postpaid available",
      "gateway_error_code": "OC_000",
      "eligibility_strategy": "TRANSACTION",
      "description": "Ola Postpaid Wallet"
    },
    {
      "status": "SUCCESS",
      "payment_method_type": "WALLET",
      "payment_method": "SIMPL",
      "is_eligible": true,
      "gateway_error_message": "linking_required",
      "gateway_error_code": "linking_required",
      "eligibility_strategy": "USER",
      "description": "Simpl Wallet",
      "balance": 0
    }
  ]
}`,
	"get-wallet--response": `{
  "id": "wlt_q23xzki3pazgtezo",
  "object": "wallet_account",
  "wallet": "MOBIKWIK",
  "token": "tok_winysteev9eftrwcv6me",
  "current_balance": 250,
  "linked": "true",
  "last_refreshed": "2016-08-02T08:07:52+0000"
}`,
	"link-wallet--response": `{
  "id": "wlt_q23xzki3pazgtezo",
  "object": "wallet_account",
  "wallet": "MOBIKWIK",
  "token": "tok_winysteev9eftrwcv6me",
  "current_balance": 250,
  "linked": true,
  "last_refreshed": "2016-08-01T08:07:52+0000"
}`,
	"list-wallets--metadata": `{
  "object": "list",
  "list": [
    {
      "id": "wlt_d10hncoc6xldk",
      "object": "wallet_account",
      "wallet": "PAYTM",
      "token": null,
      "current_balance": null,
      "linked": false,
      "last_refreshed": null,
      "metadata": {
        "mobile_number": "9999999999"
      },
      "gateway_reference_id": null
    }
  ],
  "count": 1,
  "offset": 0,
  "total": 1
}`,
	"list-wallets--response": `{
  "object": "list",
  "list": [
    {
      "id": "wlt_q23xzki3pazgtezo",
      "object": "wallet_account",
      "wallet": "MOBIKWIK",
      "token": "tok_winysteev9eftrwcv6me",
      "current_balance": 250,
      "linked": true,
      "last_refreshed": "2016-08-02T08:07:52+0000"
    },
    {
      "id": "wlt_mu2xfwb4mr18flbs",
      "object": "wallet_account",
      "wallet": "FREECHARGE",
      "token": null,
      "current_balance": null,
      "linked": false,
      "last_refreshed": null
    }
  ],
  "count": 10,
  "offset": 0,
  "total": 100
}`,
	"refresh-all--response": `{
  "list": [
    {
      "wallet": "PAYTM",
      "token": "tk_04ec****cff6f4095a",
      "last_refreshed": "2022-02-17T06:58:08Z",
      "juspay_bank_code": "JP_PAYTM",
      "object": "wallet_account",
      "metadata": {
        "mobile_number": "77****78"
      },
      "id": "wlt_x1****K6am",
      "current_balance": 109.55,
      "gateway_reference_id": null,
      "linked": true
    }
  ],
  "offset": 0,
  "count": 1,
  "total": 1,
  "object": "list"
}`,
	"refresh-wallet--response": `{
  "id": "wlt_q23xzki3pazgtezo",
  "object": "wallet_account",
  "wallet": "MOBIKWIK",
  "token": "tok_winysteev9eftrwcv6me",
  "current_balance": 250,
  "linked": "true",
  "last_refreshed": "2016-08-02T08:07:52+0000"
}`,
	"update-mobile--response": `{
  "id": "wlt_yvuidaupkvz3",
  "object": "wallet_account",
  "wallet": "PAYTM",
  "token": null,
  "current_balance": null,
  "linked": false,
  "last_refreshed": null,
  "metadata": {
    "mobile_number": "7777777777"
  },
  "gateway_reference_id": null
}`,
}
