package juspay

// CustomersService calls Juspay's customer APIs. Reach it as Client.Customers.
type CustomersService struct {
	client *Client
}
