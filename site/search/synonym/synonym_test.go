package synonym

import (
	"encoding/json"
	"testing"
)

func TestSets(t *testing.T) {
	got := Sets([][2]string{
		{"Customer lifetime value", "**客户终生价值**. What a customer is worth. Also called lifetime value, CLV or customer lifecycle value. Taught in Day 4."},
		{"客户终生价值", "**Customer lifetime value**。客户的价值。又称：终身价值、生命周期价值。详见：第四天。"},
		{"Dormant customer (sleeper)", "A customer who has not bought. Also called an inactive customer."},
		{"沉睡客户", "很久没有购买的客户。也称休眠客户。"},
		{"MAN rule", "购买能力（Money）、决定权（Authority，又称：决策权）、需求（Need）。"},
		{"Prospect", "Someone who may buy from you (also called a potential customer); a name."},
		{"Touchpoint", "Any moment at which the customer meets the company."},
	})
	data, _ := json.Marshal(got)
	want := `[["customer lifetime value","lifetime value","clv","customer lifecycle value"],["客户终生价值","终身价值","生命周期价值"],["dormant customer","inactive customer"],["沉睡客户","休眠客户"],["prospect","potential customer"]]`
	if string(data) != want {
		t.Errorf("Sets = %s\nwant %s", data, want)
	}
}

func TestFromMarkdown(t *testing.T) {
	md := "## Value {#value}\n\n### Customer lifetime value {#lifetime-value}\n\n**客户终生价值**. Worth. Also called lifetime value or CLV. Taught in [Day 4](x.md).\n\n### Net present value {#npv}\n\nToday's value.\n"
	data, _ := json.Marshal(FromMarkdown([]byte(md)))
	if want := `[["customer lifetime value","lifetime value","clv"]]`; string(data) != want {
		t.Errorf("FromMarkdown = %s, want %s", data, want)
	}
}
