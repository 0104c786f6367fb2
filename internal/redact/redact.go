// Package redact holds the text that stands in for a secret wherever the
// module prints, logs or reports a value that held one: one text for
// package juspay and package webhook alike, so that a reader (or a log
// search) finds every mask by one string.
package redact

// Mask replaces a secret (the API key, the Authorization header, a wallet
// token, an OTP, a client auth token, a webhook password, a response key)
// in errors, log records and formatted values.
const Mask = "[redacted]"
