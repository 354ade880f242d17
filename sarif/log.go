package sarif

// The SARIF 2.1.0 objects atflint writes, and only their fields it sets.
//
// These are written here rather than taken from a SARIF library because
// the ones for Go misserialise what code scanning reads: go-sarif v2 has
// no reportingDescriptor.relationships (which link rules to the ATF and
// OWASP taxonomies) and writes "guid": null in references, which the
// schema rejects; go-sarif v3 writes zero values it does not omit
// ("rank": 0, "byteOffset": 0, "attachments": null), which change a
// result's meaning or break the schema. Tests validate the output against
// the SARIF 2.1.0 schema.

type log struct {
	Schema  string `json:"$schema"`
	Version string `json:"version"`
	Runs    []run  `json:"runs"`
}

type run struct {
	Tool        tool            `json:"tool"`
	Invocations []invocation    `json:"invocations"`
	Taxonomies  []toolComponent `json:"taxonomies,omitempty"`
	ColumnKind  string          `json:"columnKind"`
	Results     []result        `json:"results"`
}

type tool struct {
	Driver toolComponent `json:"driver"`
}

type toolComponent struct {
	Name                string         `json:"name"`
	Version             string         `json:"version,omitempty"`
	SemanticVersion     string         `json:"semanticVersion,omitempty"`
	Organization        string         `json:"organization,omitempty"`
	InformationURI      string         `json:"informationUri,omitempty"`
	ShortDescription    *text          `json:"shortDescription,omitempty"`
	IsComprehensive     bool           `json:"isComprehensive,omitempty"`
	Rules               []descriptor   `json:"rules,omitempty"`
	Taxa                []descriptor   `json:"taxa,omitempty"`
	SupportedTaxonomies []componentRef `json:"supportedTaxonomies,omitempty"`
}

// A descriptor is a reportingDescriptor: a rule of the driver, or a taxon
// of a taxonomy.
type descriptor struct {
	ID                   string         `json:"id"`
	Name                 string         `json:"name,omitempty"`
	ShortDescription     *text          `json:"shortDescription,omitempty"`
	FullDescription      *text          `json:"fullDescription,omitempty"`
	HelpURI              string         `json:"helpUri,omitempty"`
	Help                 *text          `json:"help,omitempty"`
	DefaultConfiguration *configuration `json:"defaultConfiguration,omitempty"`
	Relationships        []relationship `json:"relationships,omitempty"`
	Properties           map[string]any `json:"properties,omitempty"`
}

// text is a multiformatMessageString.
type text struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type configuration struct {
	Level string `json:"level"`
}

type relationship struct {
	Target descriptorRef `json:"target"`
	Kinds  []string      `json:"kinds"`
}

type descriptorRef struct {
	ID            string       `json:"id"`
	Index         int          `json:"index"`
	ToolComponent componentRef `json:"toolComponent"`
}

type componentRef struct {
	Name  string `json:"name"`
	Index int    `json:"index"`
}

type invocation struct {
	ExecutionSuccessful bool `json:"executionSuccessful"`
}

type result struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             message           `json:"message"`
	Locations           []location        `json:"locations"`
	RelatedLocations    []location        `json:"relatedLocations,omitempty"`
	PartialFingerprints map[string]string `json:"partialFingerprints,omitempty"`
	Suppressions        []suppression     `json:"suppressions,omitempty"`
}

type message struct {
	Text string `json:"text"`
}

type location struct {
	ID               int              `json:"id,omitempty"` // related locations count from 1
	PhysicalLocation physicalLocation `json:"physicalLocation"`
	Message          *message         `json:"message,omitempty"`
}

type physicalLocation struct {
	ArtifactLocation artifactLocation `json:"artifactLocation"`
	Region           region           `json:"region"`
}

type artifactLocation struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId"`
}

type region struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
	EndLine     int `json:"endLine"`
	EndColumn   int `json:"endColumn"`
}

type suppression struct {
	Kind          string `json:"kind"` // inSource or external
	Justification string `json:"justification,omitempty"`
}
