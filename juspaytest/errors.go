package juspaytest

import (
	"encoding/json"
	"net/http"
)

// The checkout endpoints answer errors in the shapes Juspay publishes for
// them, which differ from the wallet endpoints' one and from each other:
// some carry error_info, some a status_id (as a number, or as text), an
// unknown order none of error_code and error_message. Each body below is one
// of Juspay's published samples, with only the order ID or field name
// filled in.

// juspayErrorJSON is the union of those shapes; empty parts are left out.
type juspayErrorJSON struct {
	ErrorMessage string          `json:"error_message,omitempty"`
	Status       string          `json:"status"`
	StatusID     json.RawMessage `json:"status_id,omitempty"`
	ErrorCode    string          `json:"error_code,omitempty"`
	ErrorInfo    *errorInfoJSON  `json:"error_info,omitempty"`
	OrderID      string          `json:"order_id,omitempty"`
}

type errorInfoJSON struct {
	UserMessage      string           `json:"user_message"`
	Fields           []fieldErrorJSON `json:"fields,omitempty"`
	DeveloperMessage string           `json:"developer_message"`
	Code             string           `json:"code"`
	Category         string           `json:"category"`
}

type fieldErrorJSON struct {
	FieldName string `json:"field_name"`
	Reason    string `json:"reason"`
}

func badRequest(body juspayErrorJSON) reply { return reply{http.StatusBadRequest, body} }

// orderNotFoundStatus answers an unknown order_id on the order endpoints:
// Juspay's 400 with "status": "NOT_FOUND" and status_id 40, not a 404.
func orderNotFoundStatus(orderID string) reply {
	return badRequest(juspayErrorJSON{
		Status:   "NOT_FOUND",
		StatusID: json.RawMessage("40"),
		OrderID:  orderID,
		ErrorInfo: &errorInfoJSON{
			UserMessage: "Order Not Found", DeveloperMessage: "Order Not Found",
			Code: "RESOURCE_NOT_FOUND", Category: "USER_ERROR",
		},
	})
}

// invalidOrderInput is Create Order's 400 for a missing or invalid field.
func invalidOrderInput(field, reason string) reply {
	return badRequest(juspayErrorJSON{
		ErrorMessage: "Bad Request.",
		Status:       "Bad Request",
		ErrorCode:    "INVALID_REQUEST",
		ErrorInfo: &errorInfoJSON{
			UserMessage:      "Invalid input data",
			Fields:           []fieldErrorJSON{{FieldName: field, Reason: reason}},
			DeveloperMessage: "Invalid input data",
			Code:             "INVALID_INPUT",
			Category:         "USER_ERROR",
		},
	})
}

// invalidAction refuses a change Juspay no longer allows, such as updating a
// CHARGED order (error_info code INVALID_ACTION in Juspay's catalogue).
func invalidAction(message string) reply {
	return badRequest(juspayErrorJSON{
		ErrorMessage: message,
		Status:       "Bad Request",
		ErrorCode:    "INVALID_REQUEST",
		ErrorInfo: &errorInfoJSON{
			UserMessage: "Invalid action.", DeveloperMessage: message,
			Code: "INVALID_ACTION", Category: "USER_ERROR",
		},
	})
}

// invalidCustomerInput is Create and Update Customer's 400 for an empty
// field.
func invalidCustomerInput(field string) reply {
	return badRequest(juspayErrorJSON{
		ErrorMessage: "Wrong value in " + field,
		Status:       "Invalid Request",
		ErrorCode:    "Invalid Request",
		ErrorInfo: &errorInfoJSON{
			UserMessage:      "Invalid request params. Please verify your input.",
			Fields:           []fieldErrorJSON{{FieldName: field, Reason: "Invalid value."}},
			DeveloperMessage: "Invalid request params",
			Code:             "INVALID_INPUT",
			Category:         "USER_ERROR",
		},
	})
}

// customerExists answers Create Customer with an object_reference_id in use.
func customerExists() reply {
	return badRequest(juspayErrorJSON{
		ErrorMessage: "Customer with given object reference id already exist for your account.",
		Status:       "invalid_request_error",
		ErrorCode:    "unique",
		ErrorInfo: &errorInfoJSON{
			UserMessage: "Already exists.", DeveloperMessage: "Customer account with given object reference already exists.",
			Code: "ALREADY_EXISTS", Category: "USER_ERROR",
		},
	})
}

// customerNotFoundProfile answers Get and Update Customer for an unknown ID:
// a 404, unlike the wallet endpoints' 400.
func customerNotFoundProfile() reply {
	return reply{http.StatusNotFound, juspayErrorJSON{
		ErrorMessage: "Cannot find what you are looking for",
		Status:       "invalid_request_error",
		ErrorCode:    "object_not_found",
		ErrorInfo: &errorInfoJSON{
			UserMessage:      "Cannot process your request as customer account not found.",
			DeveloperMessage: "Customer account not found.",
			Code:             "RESOURCE_NOT_FOUND", Category: "USER_ERROR",
		},
	}}
}

// refundError is the 400 of Refund Order: "status": "ERROR", status_id -1.
func refundError(code, message string) reply {
	return badRequest(juspayErrorJSON{StatusID: json.RawMessage("-1"), Status: "ERROR", ErrorMessage: message, ErrorCode: code})
}

// refundInProgress answers a refund key whose refund is still PENDING, with
// status_id as text, as Juspay's sample has it.
func refundInProgress() reply {
	return badRequest(juspayErrorJSON{
		StatusID: json.RawMessage(`"-1"`), Status: "ERROR",
		ErrorMessage: "A refund call was already processing with this amount for the order.",
		ErrorCode:    "duplicate.call",
	})
}

// refundMissingFields answers a refund without unique_request_id or amount.
func refundMissingFields() reply {
	return badRequest(juspayErrorJSON{Status: "Bad Request", ErrorMessage: "Mandatory fields are missing", ErrorCode: "Mandatory fields are missing"})
}

// refundOrderNotFound answers a refund of an unknown order: the bare
// NOT_FOUND body of Juspay's refund page.
func refundOrderNotFound(orderID string) reply {
	return badRequest(juspayErrorJSON{StatusID: json.RawMessage("40"), Status: "NOT_FOUND", OrderID: orderID})
}
