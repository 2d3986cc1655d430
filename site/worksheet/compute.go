package worksheet

// IsHigh reports whether a value lies on the high side of the axis (yes/no axes: 1 is yes).
func (a *Axis) IsHigh(v float64) bool {
	if a.YesNo {
		return v >= 1
	}
	return v >= a.Split
}

// Calculate computes every output from the input values (defaults where missing), in order.
// An output that cannot be computed (division by zero...) is left out and its error kept.
func Calculate(w *Worksheet, values map[string]float64) (map[string]float64, map[string]error) {
	vars := map[string]float64{}
	for _, in := range w.Inputs {
		v, ok := values[in.ID]
		if !ok {
			v = in.Default
		}
		vars[in.ID] = v
	}
	errs := map[string]error{}
	for _, o := range w.Outputs {
		if o.Expr == nil {
			continue
		}
		v, err := o.Expr.Eval(vars)
		if err != nil {
			errs[o.ID] = err
			continue
		}
		vars[o.ID] = v
	}
	return vars, errs
}
