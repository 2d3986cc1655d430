package anchor

import "testing"

func TestSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"The two meanings of CRM", "the-two-meanings-of-crm"},
		{"Customer, relationship, management", "customer-relationship-management"},
		{"  Step 1: collect -- and rate!  ", "step-1-collect-and-rate"},
		{"四个阶段", "四个阶段"},
		{"CRM 的两层含义", "crm-的两层含义"},
		{"五步流程：收集、分类", "五步流程收集分类"},
		{"ＣＲＭ　全角", "crm-全角"},
		{"snake_case words", "snake-case-words"},
		{"!!!", ""},
		{"Café au lait", "café-au-lait"},
	}
	for _, tt := range tests {
		if got := Slug(tt.in); got != tt.want {
			t.Errorf("Slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
