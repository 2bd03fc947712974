package intents

import (
	"fmt"
	"io/fs"
	"maps"
	"slices"

	"github.com/nightlegs/nightlegs/internal/golit"
	"github.com/nightlegs/nightlegs/internal/session"
	"github.com/nightlegs/nightlegs/internal/topicdir"
)

// loadTree loads memory.yaml, redflags.yaml and screens.yaml with the topic
// folders' hooks added (their topic.yaml), from the source tree: go
// generate and the tests run it.
func loadTree() (*memoryData, *routing, *screening, error) {
	fsys, err := topicdir.FS()
	if err != nil {
		return nil, nil, nil, err
	}
	read := func(name string) ([]byte, error) { return fs.ReadFile(fsys, "intents/"+name) }
	b, err := read("memory.yaml")
	if err != nil {
		return nil, nil, nil, err
	}
	m, err := loadMemory(b, golit.Decode)
	if err != nil {
		return nil, nil, nil, err
	}
	if b, err = read("redflags.yaml"); err != nil {
		return nil, nil, nil, err
	}
	r, err := loadRoutes(b, golit.Decode)
	if err != nil {
		return nil, nil, nil, err
	}
	if b, err = read("screens.yaml"); err != nil {
		return nil, nil, nil, err
	}
	s, err := loadScreens(b, golit.Decode)
	if err != nil {
		return nil, nil, nil, err
	}
	hooks, err := topicdir.Load(golit.DecodeFile)
	if err != nil {
		return nil, nil, nil, err
	}
	if err := withHooks(m, r, s, hooks); err != nil {
		return nil, nil, nil, err
	}
	return m, r, s, nil
}

// withHooks adds each topic's hooks to the data read from this package's
// YAML: where the symptom reader's topic goes, the screening questions
// asked first, and how memory speaks of it. A topic named in both is an
// error, as is a pattern or a screening question that does not exist.
func withHooks(m *memoryData, r *routing, s *screening, hooks []topicdir.Hooks) error {
	for _, h := range hooks {
		topic := session.Topic(h.Topic)
		if h.Route != nil {
			if _, dup := r.Routes[topic]; dup {
				return fmt.Errorf("topic %s: route in redflags.yaml and topic.yaml", topic)
			}
			r.Routes = put(r.Routes, topic, route{Intent: h.Route.Intent, Slots: h.Route.Slots})
		}
		if len(h.Screens) > 0 {
			if _, dup := s.Screens[topic]; dup {
				return fmt.Errorf("topic %s: screens in screens.yaml and topic.yaml", topic)
			}
			if err := checkScreens(topic, h.Screens); err != nil {
				return err
			}
			s.Screens = put(s.Screens, topic, h.Screens)
		}
		mem := h.Memory
		if mem.Resume != "" {
			if _, dup := m.Resume.Greet[topic]; dup {
				return fmt.Errorf("topic %s: resume greeting in memory.yaml and topic.yaml", topic)
			}
			m.Resume.Greet = put(m.Resume.Greet, topic, mem.Resume)
		}
		if mem.Kept != "" {
			if _, dup := m.Topics[topic]; dup {
				return fmt.Errorf("topic %s: kept nights' words in memory.yaml and topic.yaml", topic)
			}
			m.Topics = put(m.Topics, topic, mem.Kept)
		}
		for _, q := range slices.Sorted(maps.Keys(mem.Again)) {
			if _, dup := m.Resume.Again[q]; dup {
				return fmt.Errorf("topic %s: question %s asked again in memory.yaml and topic.yaml", topic, q)
			}
			m.Resume.Again = put(m.Resume.Again, q, mem.Again[q])
		}
		for id, text := range mem.Patterns {
			i := slices.IndexFunc(m.Patterns, func(p pattern) bool { return p.ID == id })
			if i < 0 {
				return fmt.Errorf("topic %s: no pattern %q in memory.yaml", topic, id)
			}
			if _, dup := m.Patterns[i].Say[topic]; dup {
				return fmt.Errorf("topic %s: pattern %s's text in memory.yaml and topic.yaml", topic, id)
			}
			m.Patterns[i].Say = put(m.Patterns[i].Say, topic, text)
		}
	}
	return nil
}

// put sets m[k] to v, making m if it is nil, and returns it.
func put[K comparable, V any](m map[K]V, k K, v V) map[K]V {
	if m == nil {
		m = map[K]V{}
	}
	m[k] = v
	return m
}
