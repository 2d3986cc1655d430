// Package formula is the small arithmetic language of calculator worksheets: numbers, names,
// + - * / ^, parentheses and a few functions. A formula is parsed into a tree that is
// evaluated by walking it, in Go and (from its JSON form) in the page; nothing is ever
// passed to eval.
package formula

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Expr is a parsed formula: a small arithmetic language with numbers, names, + - * / ^,
// parentheses and a few functions. It is evaluated by walking the tree, in Go and (from its
// JSON form) in the page; nothing is ever passed to eval.
type Expr struct {
	// Op is "num", "var", "neg", "+", "-", "*", "/", "^" or "call".
	Op   string
	Num  float64
	Name string
	Args []*Expr
	// Pos is the byte offset in the formula, for messages.
	Pos int
}

// functions lists the callable functions with their minimum and maximum argument counts
// (-1: any number).
var functions = map[string][2]int{
	"min": {1, -1}, "max": {1, -1}, "round": {1, 2}, "abs": {1, 1}, "sqrt": {1, 1}, "geomsum": {2, 2},
}

// Error is a problem at a byte offset of a formula.
type Error struct {
	Offset int
	Msg    string
}

// Error implements error.
func (e *Error) Error() string { return e.Msg }

// Parse parses src.
func Parse(src string) (*Expr, error) {
	p := &parser{src: src}
	p.next()
	e := p.expr()
	if p.err == nil && p.tok.kind != tokEOF {
		p.fail(p.tok.pos, "unexpected %q; expected an operator (+ - * / ^) or the end of the formula", p.tok.text)
	}
	if p.err != nil {
		return nil, p.err
	}
	return e, nil
}

type tokKind int

const (
	tokEOF tokKind = iota
	tokNum
	tokName
	tokOp
)

type token struct {
	kind tokKind
	text string
	num  float64
	pos  int
}

type parser struct {
	src string
	off int
	tok token
	err *Error
}

func (p *parser) fail(pos int, format string, args ...any) {
	if p.err == nil {
		p.err = &Error{Offset: pos, Msg: fmt.Sprintf(format, args...)}
	}
}

func (p *parser) next() {
	for p.off < len(p.src) && (p.src[p.off] == ' ' || p.src[p.off] == '\t' || p.src[p.off] == '\n') {
		p.off++
	}
	start := p.off
	if p.off >= len(p.src) {
		p.tok = token{kind: tokEOF, pos: start}
		return
	}
	c := p.src[p.off]
	switch {
	case c >= '0' && c <= '9' || c == '.':
		for p.off < len(p.src) && (p.src[p.off] >= '0' && p.src[p.off] <= '9' || p.src[p.off] == '.') {
			p.off++
		}
		text := p.src[start:p.off]
		n, err := strconv.ParseFloat(text, 64)
		if err != nil {
			p.fail(start, "%q is not a number", text)
		}
		p.tok = token{kind: tokNum, text: text, num: n, pos: start}
	case c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
		for p.off < len(p.src) && (p.src[p.off] == '_' || p.src[p.off] >= 'a' && p.src[p.off] <= 'z' ||
			p.src[p.off] >= 'A' && p.src[p.off] <= 'Z' || p.src[p.off] >= '0' && p.src[p.off] <= '9') {
			p.off++
		}
		p.tok = token{kind: tokName, text: p.src[start:p.off], pos: start}
	case strings.ContainsRune("+-*/^(),", rune(c)):
		p.off++
		p.tok = token{kind: tokOp, text: string(c), pos: start}
	default:
		p.fail(start, "unexpected character %q in the formula", rune(c))
		p.tok = token{kind: tokEOF, pos: start}
	}
}

func (p *parser) is(op string) bool { return p.tok.kind == tokOp && p.tok.text == op }

func (p *parser) expr() *Expr {
	left := p.term()
	for p.err == nil && (p.is("+") || p.is("-")) {
		op, pos := p.tok.text, p.tok.pos
		p.next()
		left = &Expr{Op: op, Args: []*Expr{left, p.term()}, Pos: pos}
	}
	return left
}

func (p *parser) term() *Expr {
	left := p.unary()
	for p.err == nil && (p.is("*") || p.is("/")) {
		op, pos := p.tok.text, p.tok.pos
		p.next()
		left = &Expr{Op: op, Args: []*Expr{left, p.unary()}, Pos: pos}
	}
	return left
}

func (p *parser) unary() *Expr {
	if p.is("-") {
		pos := p.tok.pos
		p.next()
		return &Expr{Op: "neg", Args: []*Expr{p.unary()}, Pos: pos}
	}
	if p.is("+") {
		p.next()
		return p.unary()
	}
	base := p.primary()
	if p.err == nil && p.is("^") {
		pos := p.tok.pos
		p.next()
		return &Expr{Op: "^", Args: []*Expr{base, p.unary()}, Pos: pos}
	}
	return base
}

func (p *parser) primary() *Expr {
	t := p.tok
	switch {
	case p.err != nil:
		return &Expr{Op: "num"}
	case t.kind == tokNum:
		p.next()
		return &Expr{Op: "num", Num: t.num, Pos: t.pos}
	case t.kind == tokName:
		p.next()
		if !p.is("(") {
			return &Expr{Op: "var", Name: t.text, Pos: t.pos}
		}
		p.next()
		call := &Expr{Op: "call", Name: t.text, Pos: t.pos}
		if !p.is(")") {
			for {
				call.Args = append(call.Args, p.expr())
				if p.err != nil || !p.is(",") {
					break
				}
				p.next()
			}
		}
		if !p.is(")") {
			p.fail(p.tok.pos, "missing \")\" to close %s(", t.text)
			return call
		}
		p.next()
		return call
	case p.is("("):
		p.next()
		e := p.expr()
		if !p.is(")") {
			p.fail(p.tok.pos, "missing \")\"")
			return e
		}
		p.next()
		return e
	case t.kind == tokEOF:
		p.fail(t.pos, "the formula ends too early; a number, a name or \"(\" is missing")
	default:
		p.fail(t.pos, "unexpected %q; expected a number, a name or \"(\"", t.text)
	}
	return &Expr{Op: "num"}
}

// Walk calls fn for e and every sub-expression.
func (e *Expr) Walk(fn func(*Expr)) {
	fn(e)
	for _, a := range e.Args {
		a.Walk(fn)
	}
}

// Eval computes e with the values of vars. It fails on unknown names, division by zero and
// results that are not finite numbers.
func (e *Expr) Eval(vars map[string]float64) (float64, error) {
	arg := func(i int) (float64, error) { return e.Args[i].Eval(vars) }
	switch e.Op {
	case "num":
		return e.Num, nil
	case "var":
		v, ok := vars[e.Name]
		if !ok {
			return 0, fmt.Errorf("%s has no value", e.Name)
		}
		return v, nil
	case "neg":
		v, err := arg(0)
		return -v, err
	case "+", "-", "*", "/", "^":
		a, err := arg(0)
		if err != nil {
			return 0, err
		}
		b, err := arg(1)
		if err != nil {
			return 0, err
		}
		return finite(binary(e.Op, a, b))
	case "call":
		args := make([]float64, len(e.Args))
		for i := range e.Args {
			v, err := arg(i)
			if err != nil {
				return 0, err
			}
			args[i] = v
		}
		return finite(call(e.Name, args))
	}
	return 0, fmt.Errorf("unknown operation %q", e.Op)
}

func binary(op string, a, b float64) (float64, error) {
	switch op {
	case "+":
		return a + b, nil
	case "-":
		return a - b, nil
	case "*":
		return a * b, nil
	case "/":
		if b == 0 {
			return 0, fmt.Errorf("division by zero")
		}
		return a / b, nil
	}
	return math.Pow(a, b), nil
}

func call(name string, args []float64) (float64, error) {
	arity, ok := functions[name]
	if !ok {
		return 0, fmt.Errorf("unknown function %s", name)
	}
	if len(args) < arity[0] || (arity[1] >= 0 && len(args) > arity[1]) {
		return 0, fmt.Errorf("%s() takes %s, found %d", name, argCount(arity), len(args))
	}
	switch name {
	case "min", "max":
		r := args[0]
		for _, v := range args[1:] {
			if name == "min" {
				r = math.Min(r, v)
			} else {
				r = math.Max(r, v)
			}
		}
		return r, nil
	case "round":
		digits := 0.0
		if len(args) == 2 {
			digits = args[1]
		}
		f := math.Pow(10, digits)
		return math.Floor(args[0]*f+0.5) / f, nil
	case "abs":
		return math.Abs(args[0]), nil
	case "sqrt":
		if args[0] < 0 {
			return 0, fmt.Errorf("square root of a negative number")
		}
		return math.Sqrt(args[0]), nil
	case "geomsum":
		return geomsum(args[0], args[1]), nil
	}
	return 0, fmt.Errorf("unknown function %s", name)
}

// geomsum returns r + r^2 + ... + r^n for a whole number of periods n (fractions are cut).
func geomsum(r, n float64) float64 {
	sum, term := 0.0, 1.0
	for i := 0; i < int(n) && i < 1000; i++ {
		term *= r
		sum += term
	}
	return sum
}

func finite(v float64, err error) (float64, error) {
	if err == nil && (math.IsNaN(v) || math.IsInf(v, 0)) {
		return 0, fmt.Errorf("the result is not a finite number")
	}
	return v, err
}

// MarshalJSON writes e as nested arrays for the page script: ["num", 3], ["var", "fee"],
// ["+", a, b], ["neg", a], ["call", "min", a, b].
func (e *Expr) MarshalJSON() ([]byte, error) {
	var v []any
	switch e.Op {
	case "num":
		v = []any{"num", e.Num}
	case "var":
		v = []any{"var", e.Name}
	case "call":
		v = []any{"call", e.Name}
		for _, a := range e.Args {
			v = append(v, a)
		}
	default:
		v = []any{e.Op}
		for _, a := range e.Args {
			v = append(v, a)
		}
	}
	return json.Marshal(v)
}

// CheckCall reports whether name is a function of the language and, when it is, whether it
// takes n arguments: the error says how many it takes.
func CheckCall(name string, n int) (known bool, err error) {
	arity, ok := functions[name]
	if !ok {
		return false, nil
	}
	if n < arity[0] || (arity[1] >= 0 && n > arity[1]) {
		return true, fmt.Errorf("%s() takes %s, found %d", name, argCount(arity), n)
	}
	return true, nil
}

func argCount(a [2]int) string {
	switch {
	case a[1] < 0:
		return fmt.Sprintf("at least %d argument(s)", a[0])
	case a[0] == a[1]:
		return fmt.Sprintf("%d argument(s)", a[0])
	}
	return fmt.Sprintf("%d to %d arguments", a[0], a[1])
}
