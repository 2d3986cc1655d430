package bands

import "testing"

func TestPercentRoundsExactHalvesUp(t *testing.T) {
	tests := []struct {
		earned, max float64
		want        int
	}{
		{23, 40, 58}, {46, 80, 58}, {29, 200, 15}, {115, 200, 58}, {28.5, 100, 29},
		{1, 3, 33}, {2, 3, 67}, {0, 10, 0}, {10, 10, 100}, {5, 0, 0}, {0.5, 1, 50},
	}
	for _, tt := range tests {
		if got := Percent(tt.earned, tt.max); got != tt.want {
			t.Errorf("Percent(%v, %v) = %d, want %d", tt.earned, tt.max, got, tt.want)
		}
	}
}
