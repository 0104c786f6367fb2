package juspay

// PaymentsService calls Juspay's payment APIs. Reach it as Client.Payments.
type PaymentsService struct {
	client *Client
}
