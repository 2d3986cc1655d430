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

// The limits of a formula. A worksheet formula is a line or two of arithmetic; these bounds
// keep checking, building and the page's evaluation of any formula small and fast (the page
// script walks the tree recursively, and a tree deep enough overflows a browser's stack).
// A longer or deeper calculation reads better split into outputs that later ones use.
const (
	// MaxLength is the most characters a formula may have, counted in bytes: every
	// character of the language is ASCII, and a byte count costs nothing however long the
	// text. It also bounds the number of terms and of nodes in the tree: each takes at
	// least one character.
	MaxLength = 2000
	// MaxDepth is the deepest nesting a formula may have: each pair of parentheses, function
	// call, sign (unary - or +) and exponent (the right side of ^) opens a level inside the
	// levels around it.
	MaxDepth = 32
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

// Parse parses src. A formula over MaxLength characters fails before parsing, one nested
// deeper than MaxDepth as soon as the parser reaches the level past it, so that time and
// memory stay linear in the length of src whatever it holds.
func Parse(src string) (*Expr, error) {
	if len(src) > MaxLength {
		return nil, &Error{Offset: 0, Msg: fmt.Sprintf("the formula is %d characters long, over the limit of %d; "+
			"split it into intermediate outputs (an output may use the outputs above it)", len(src), MaxLength)}
	}
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
	// depth counts the levels of nesting open at the current token (see MaxDepth).
	depth int
}

// enter opens a level of nesting at the byte offset pos. Past MaxDepth it records the error
// and reports false; the caller then returns at once, which ends the parse.
func (p *parser) enter(pos int) bool {
	if p.depth >= MaxDepth {
		p.fail(pos, "the formula nests more than %d levels deep here (parentheses, function calls, signs and "+
			"exponents each open a level); split it into intermediate outputs (an output may use the outputs above it)", MaxDepth)
		return false
	}
	p.depth++
	return true
}

// leave closes the level that enter opened.
func (p *parser) leave() { p.depth-- }

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
	if p.is("-") || p.is("+") {
		sign, pos := p.tok.text, p.tok.pos
		if !p.enter(pos) {
			return &Expr{Op: "num"}
		}
		p.next()
		operand := p.unary()
		p.leave()
		if sign == "+" {
			return operand
		}
		return &Expr{Op: "neg", Args: []*Expr{operand}, Pos: pos}
	}
	base := p.primary()
	if p.err == nil && p.is("^") {
		pos := p.tok.pos
		if !p.enter(pos) {
			return base
		}
		p.next()
		exponent := p.unary()
		p.leave()
		return &Expr{Op: "^", Args: []*Expr{base, exponent}, Pos: pos}
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
		call := &Expr{Op: "call", Name: t.text, Pos: t.pos}
		if !p.enter(t.pos) {
			return call
		}
		p.next()
		if !p.is(")") {
			for {
				call.Args = append(call.Args, p.expr())
				if p.err != nil || !p.is(",") {
					break
				}
				p.next()
			}
		}
		p.leave()
		if !p.is(")") {
			p.fail(p.tok.pos, "missing \")\" to close %s(", t.text)
			return call
		}
		p.next()
		return call
	case p.is("("):
		if !p.enter(t.pos) {
			return &Expr{Op: "num"}
		}
		p.next()
		e := p.expr()
		p.leave()
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
	return e.appendJSON(nil)
}

// appendJSON appends the JSON of e to b. The whole tree goes into one buffer: marshalling
// each node on its own would copy (and re-check) every subtree once per level above it.
func (e *Expr) appendJSON(b []byte) ([]byte, error) {
	op, err := json.Marshal(e.Op)
	if err != nil {
		return nil, err
	}
	b = append(append(b, '['), op...)
	switch e.Op {
	case "num":
		num, err := json.Marshal(e.Num)
		if err != nil {
			return nil, err
		}
		return append(append(append(b, ','), num...), ']'), nil
	case "var", "call":
		name, err := json.Marshal(e.Name)
		if err != nil {
			return nil, err
		}
		b = append(append(b, ','), name...)
	}
	if e.Op != "var" {
		for _, a := range e.Args {
			if b, err = a.appendJSON(append(b, ',')); err != nil {
				return nil, err
			}
		}
	}
	return append(b, ']'), nil
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
