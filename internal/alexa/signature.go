package alexa

import "strings"

// HTTP headers Alexa sends to a skill hosted as a web service, to prove a
// request is Alexa's ("Host a custom skill as a web service": "Verify that
// the request was sent by Alexa").
const (
	// HeaderCertChainURL is where the PEM certificate chain that signed
	// the request can be fetched.
	HeaderCertChainURL = "SignatureCertChainUrl"
	// HeaderSignature256 is the base64 RSA signature, PKCS #1 v1.5 with
	// SHA-256, of the raw request body.
	HeaderSignature256 = "Signature-256"
	// HeaderSignatureSHA1 is the older SHA-1 signature. It is named here
	// only so that nothing mistakes it for HeaderSignature256: it proves
	// nothing and is never checked.
	HeaderSignatureSHA1 = "Signature"
)

// SigningCertName is the DNS name the certificate that signs Alexa's
// requests carries among its subject alternative names.
const SigningCertName = "echo-api.amazon.com"

// skillEventPrefix starts the type of every skill event (TypeSkillEnabled,
// TypeSkillDisabled, ...).
const skillEventPrefix = "AlexaSkillEvent."

// IsSkillEvent reports whether the request is a skill event, which Alexa
// may deliver up to an hour after it happened.
func (r Request) IsSkillEvent() bool {
	return strings.HasPrefix(r.Type, skillEventPrefix)
}
