// Package scenario is the role-play kind of material: a customer conversation that branches.
// The customer speaks, the rep picks one of a few things to say, and the conversation goes
// where that choice leads until it reaches an end. The conversation itself and the walk over
// its paths are package graph; this package holds the texts around it (the cards, the
// trainer's note), the page's view, the map and the kind's registration; scenariofile reads
// the YAML. The format is described in docs/scenarios.md.
package scenario

import (
	"playbook/site/scenario/graph"
	"playbook/site/strictyaml"
)

// Dir is the course folder that holds scenario files.
const Dir = "scenarios"

// Scenario is one scenario file.
type Scenario struct {
	// Graph is the conversation: id, variables, steps, ends and where the file starts.
	graph.Graph
	Path        string
	Title       strictyaml.Text
	Description strictyaml.Text
	Day         int
	// Minutes is the class time of the role-play; 0 when it has no slot of its own.
	Minutes int
	// FeedbackAtEnd keeps the feedback of every choice for the debrief.
	FeedbackAtEnd bool
	Rep           RepCard
	Customer      CustomerCard
	Observe       []strictyaml.Text
	// Facilitation is the trainer's note; zero when the author gave none.
	Facilitation strictyaml.Text
}

// RepCard is what the rep's role-play card says.
type RepCard struct {
	Situation, Goal strictyaml.Text
}

// CustomerCard is what the customer's card says: who they are, what they want and do not
// say, and how to react to each kind of move.
type CustomerCard struct {
	Role, Motives strictyaml.Text
	Reactions     []Reaction
}

// Reaction tells the customer's player how to answer a kind of move.
type Reaction struct {
	Move, Reaction strictyaml.Text
}
