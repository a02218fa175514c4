package templates

// Shortcut is one line of the keyboard's list: the keys, and the key of
// the words saying what they do.
type Shortcut struct {
	Keys []string
	Text string
	Then bool // the keys one after the other, not either of them
}

// Shortcuts are the playground's keys, as static/js/controls.js handles
// them; the list is the dialog "?" opens. Letters act only outside the
// editor and the fields.
var Shortcuts = []Shortcut{
	{[]string{"Ctrl+Enter", "R"}, "keys.run", false},
	{[]string{"P"}, "keys.pause", false},
	{[]string{"S"}, "keys.step", false},
	{[]string{"E"}, "keys.stepEvent", false},
	{[]string{"C"}, "keys.stepSyscall", false},
	{[]string{"B"}, "keys.back", false},
	{[]string{"T"}, "keys.timeline", false},
	{[]string{"X"}, "keys.explore", false},
	{[]string{"]", "["}, "keys.views", false},
	{[]string{"V"}, "keys.choose", false},
	{[]string{"I"}, "keys.input", false},
	{[]string{"+", "−", "0"}, "keys.ganttZoom", false},
	{[]string{"Esc", "Tab"}, "keys.editor", true},
	{[]string{"?"}, "keys.list", false},
}

// ViewName is a view of the playground a student may show or hide.
type ViewName struct{ Name, Title string }

// ViewNames are the views in the order the page shows them.
var ViewNames = []ViewName{
	{"proctree", "view.proctree"}, {"states", "view.states"}, {"queues", "view.queues"}, {"pcb", "view.pcb"},
	{"waitfor", "view.waitfor"}, {"ipc", "view.ipc"}, {"msc", "view.msc"}, {"instructions", "view.instructions"},
	{"gantt", "view.gantt"}, {"trace", "view.trace"},
}
