// Package alexa holds the types of the Alexa Skills Kit JSON interface: the
// request envelope a skill receives, the response envelope it returns, and an
// SSML builder for the speech inside it.
//
// The types follow Amazon's published "Request and Response JSON Reference".
// They are our own because the usual library (github.com/arienmalec/alexa-go)
// cannot be fetched here; they decode every request type without error, and a
// request type this package does not know is kept in Request.Type so a router
// can send it to a default.
package alexa

import (
	"encoding/json"
)

// Request types the skill can receive.
const (
	TypeLaunch               = "LaunchRequest"
	TypeIntent               = "IntentRequest"
	TypeSessionEnded         = "SessionEndedRequest"
	TypeExceptionEncountered = "System.ExceptionEncountered"
	TypeSkillEnabled         = "AlexaSkillEvent.SkillEnabled"
	TypeSkillDisabled        = "AlexaSkillEvent.SkillDisabled"
	TypePermissionAccepted   = "AlexaSkillEvent.SkillPermissionAccepted"
	TypePermissionChanged    = "AlexaSkillEvent.SkillPermissionChanged"
	TypeAccountLinked        = "AlexaSkillEvent.SkillAccountLinked"
	// TypeSkillEventPrefix starts every skill event's type: events arrive
	// with nobody listening.
	TypeSkillEventPrefix = "AlexaSkillEvent."
)

// Dialog states of an IntentRequest that uses a dialog model.
const (
	DialogStarted    = "STARTED"
	DialogInProgress = "IN_PROGRESS"
	DialogCompleted  = "COMPLETED"
)

// Confirmation statuses of an intent or a slot.
const (
	ConfirmationNone    = "NONE"
	ConfirmationDenied  = "DENIED"
	ConfirmationConfirm = "CONFIRMED"
)

// Reasons a SessionEndedRequest gives.
const (
	ReasonUserInitiated        = "USER_INITIATED"
	ReasonError                = "ERROR"
	ReasonExceededMaxReprompts = "EXCEEDED_MAX_REPROMPTS"
)

// Entity resolution status codes.
const (
	ResolutionMatch   = "ER_SUCCESS_MATCH"
	ResolutionNoMatch = "ER_SUCCESS_NO_MATCH"
	ResolutionTimeout = "ER_ERROR_TIMEOUT"
	ResolutionError   = "ER_ERROR_EXCEPTION"
)

// RequestEnvelope is the whole JSON body Alexa sends to the skill.
type RequestEnvelope struct {
	Version string   `json:"version"`
	Session *Session `json:"session,omitempty"` // absent on skill events
	Context Context  `json:"context"`
	Request Request  `json:"request"`
}

// Session describes the conversation the request belongs to. Attributes is
// what the skill returned as sessionAttributes on its previous response.
type Session struct {
	New         bool           `json:"new"`
	SessionID   string         `json:"sessionId"`
	Application Application    `json:"application"`
	Attributes  map[string]any `json:"attributes,omitempty"`
	User        User           `json:"user"`
}

// Application identifies the skill; its ID is the skill ID.
type Application struct {
	ApplicationID string `json:"applicationId"`
}

// User is the Alexa account that uses the skill. UserID changes when the
// skill is disabled and enabled again.
type User struct {
	UserID      string       `json:"userId"`
	AccessToken string       `json:"accessToken,omitempty"`
	Permissions *Permissions `json:"permissions,omitempty"`
}

// Permissions carries the consent token for permissions the user granted.
type Permissions struct {
	ConsentToken string `json:"consentToken,omitempty"`
}

// Context is the state of the device and of Alexa's other interfaces.
type Context struct {
	System      System          `json:"System"`
	AudioPlayer *AudioPlayer    `json:"AudioPlayer,omitempty"`
	Viewport    json.RawMessage `json:"Viewport,omitempty"`
}

// System is context.System: which skill, user and device sent the request.
type System struct {
	Application    Application `json:"application"`
	User           User        `json:"user"`
	Person         *Person     `json:"person,omitempty"`
	Device         Device      `json:"device"`
	APIEndpoint    string      `json:"apiEndpoint,omitempty"`
	APIAccessToken string      `json:"apiAccessToken,omitempty"`
}

// Person is the recognised speaker, when voice profiles are in use.
type Person struct {
	PersonID    string `json:"personId"`
	AccessToken string `json:"accessToken,omitempty"`
}

// Device is the Echo or app the listener spoke to.
type Device struct {
	DeviceID string `json:"deviceId"`
	// SupportedInterfaces has a key per interface the device supports, such
	// as "AudioPlayer" or "Alexa.Presentation.APL"; the values vary by
	// interface and are kept raw.
	SupportedInterfaces map[string]json.RawMessage `json:"supportedInterfaces,omitempty"`
}

// Supports reports whether the device lists the interface, for example
// "Alexa.Presentation.APL" for a device with a screen.
func (d Device) Supports(iface string) bool {
	_, ok := d.SupportedInterfaces[iface]
	return ok
}

// AudioPlayer is the state of the device's audio player.
type AudioPlayer struct {
	Token                string `json:"token,omitempty"`
	OffsetInMilliseconds int64  `json:"offsetInMilliseconds,omitempty"`
	PlayerActivity       string `json:"playerActivity,omitempty"`
}

// Request is the request object. Its fields are the union of the request
// types: Type says which are set.
type Request struct {
	Type      string `json:"type"`
	RequestID string `json:"requestId"`
	Timestamp string `json:"timestamp"`
	Locale    string `json:"locale,omitempty"`

	// IntentRequest.
	DialogState string  `json:"dialogState,omitempty"`
	Intent      *Intent `json:"intent,omitempty"`

	// SessionEndedRequest.
	Reason string `json:"reason,omitempty"`
	// Error is set on a SessionEndedRequest with reason ERROR and on
	// System.ExceptionEncountered.
	Error *Error `json:"error,omitempty"`

	// System.ExceptionEncountered: the request that caused the error.
	Cause *Cause `json:"cause,omitempty"`

	// AlexaSkillEvent.*.
	EventCreationTime   string          `json:"eventCreationTime,omitempty"`
	EventPublishingTime string          `json:"eventPublishingTime,omitempty"`
	Body                json.RawMessage `json:"body,omitempty"`
}

// Error describes what went wrong on Alexa's side.
type Error struct {
	Type    string `json:"type"`
	Message string `json:"message"`
}

// Cause names the request a System.ExceptionEncountered refers to.
type Cause struct {
	RequestID string `json:"requestId"`
}

// Intent is what the listener asked for, with its slots by name.
type Intent struct {
	Name               string          `json:"name"`
	ConfirmationStatus string          `json:"confirmationStatus,omitempty"`
	Slots              map[string]Slot `json:"slots,omitempty"`
}

// Slot is one slot of an intent. Value is what the listener said; the
// resolutions map it to the slot type's canonical values.
type Slot struct {
	Name               string       `json:"name"`
	Value              string       `json:"value,omitempty"`
	ConfirmationStatus string       `json:"confirmationStatus,omitempty"`
	Source             string       `json:"source,omitempty"`
	Resolutions        *Resolutions `json:"resolutions,omitempty"`
	// SlotValue is the newer, richer form (including multiple values); kept
	// raw because the skill reads Value and Resolutions.
	SlotValue json.RawMessage `json:"slotValue,omitempty"`
}

// Resolutions is entity resolution's answer for a slot.
type Resolutions struct {
	ResolutionsPerAuthority []Resolution `json:"resolutionsPerAuthority"`
}

// Resolution is one authority's (one slot type's) resolution of a slot.
type Resolution struct {
	Authority string            `json:"authority"`
	Status    ResolutionStatus  `json:"status"`
	Values    []ResolutionValue `json:"values,omitempty"`
}

// ResolutionStatus holds a status code such as ER_SUCCESS_MATCH.
type ResolutionStatus struct {
	Code string `json:"code"`
}

// ResolutionValue wraps one resolved value.
type ResolutionValue struct {
	Value ResolvedValue `json:"value"`
}

// ResolvedValue is a canonical slot value and its ID.
type ResolvedValue struct {
	Name string `json:"name"`
	ID   string `json:"id,omitempty"`
}

// Resolved returns the slot's canonical value and ID from the first authority
// that matched, or the raw spoken value and an empty ID when none did.
func (s Slot) Resolved() (name, id string) {
	if s.Resolutions != nil {
		for _, r := range s.Resolutions.ResolutionsPerAuthority {
			if r.Status.Code == ResolutionMatch && len(r.Values) > 0 {
				return r.Values[0].Value.Name, r.Values[0].Value.ID
			}
		}
	}
	return s.Value, ""
}

// UserID returns the user's ID from the session, or from the context for
// requests without a session (skill events).
func (e *RequestEnvelope) UserID() string {
	if e.Session != nil && e.Session.User.UserID != "" {
		return e.Session.User.UserID
	}
	return e.Context.System.User.UserID
}

// ApplicationID returns the skill ID the request was sent for.
func (e *RequestEnvelope) ApplicationID() string {
	if e.Session != nil && e.Session.Application.ApplicationID != "" {
		return e.Session.Application.ApplicationID
	}
	return e.Context.System.Application.ApplicationID
}

// IntentName returns the intent's name for an IntentRequest, or "".
func (e *RequestEnvelope) IntentName() string {
	if e.Request.Type == TypeIntent && e.Request.Intent != nil {
		return e.Request.Intent.Name
	}
	return ""
}
