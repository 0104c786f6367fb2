package juspay

// OrdersService calls Juspay's order APIs: create an order, read its
// status, update it, refund it, and wait for a payment to settle. Reach it
// as Client.Orders.
type OrdersService struct {
	client *Client
}
