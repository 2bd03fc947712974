package infra

// NewTypeValue is a slot type value with its ID, name and synonyms.
func NewTypeValue(id, value string, synonyms []string) TypeValue {
	v := TypeValue{ID: id}
	v.Name.Value, v.Name.Synonyms = value, synonyms
	return v
}
