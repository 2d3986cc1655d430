package position

import "testing"

func TestLineCol(t *testing.T) {
	x := NewLines([]byte("ab\n客户x\n\nz"))
	tests := []struct{ offset, line, col int }{
		{0, 1, 1}, {2, 1, 3}, {3, 2, 1}, {9, 2, 3}, {10, 2, 4}, {11, 3, 1}, {12, 4, 1}, {99, 4, 2}, {-5, 1, 1},
	}
	for _, tt := range tests {
		if line, col := x.LineCol(tt.offset); line != tt.line || col != tt.col {
			t.Errorf("LineCol(%d) = %d:%d, want %d:%d", tt.offset, line, col, tt.line, tt.col)
		}
	}
}
