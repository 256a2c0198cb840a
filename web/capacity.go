package web

import (
	"github.com/gofiber/fiber/v2"

	"kith/directory"
)

// capacityView adds the figures people read to the stored capacity.
type capacityView struct {
	directory.Capacity
	PlacesLeft *int `json:"places_left"`
	Accepting  bool `json:"accepting"`
}

func (s *server) viewCapacity(c *fiber.Ctx, capacity directory.Capacity) error {
	return c.JSON(capacityView{Capacity: capacity, PlacesLeft: capacity.PlacesLeft(), Accepting: capacity.AcceptingAt(s.now())})
}

func (s *server) getCapacity(c *fiber.Ctx) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	capacity, err := s.dir.Capacity(c.UserContext(), id)
	if err != nil {
		return err
	}
	return s.viewCapacity(c, capacity)
}

func (s *server) putCapacity(c *fiber.Ctx) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	var in directory.CapacityInput
	if err := decodeJSON(c, &in); err != nil {
		return err
	}
	capacity, err := s.dir.SetCapacity(c.UserContext(), id, in)
	if err != nil {
		return err
	}
	return s.viewCapacity(c, capacity)
}

func (s *server) pauseService(c *fiber.Ctx) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	var in directory.PauseInput
	if err := decodeJSON(c, &in); err != nil {
		return err
	}
	capacity, err := s.dir.Pause(c.UserContext(), id, in)
	if err != nil {
		return err
	}
	return s.viewCapacity(c, capacity)
}

func (s *server) resumeService(c *fiber.Ctx) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	capacity, err := s.dir.Resume(c.UserContext(), id)
	if err != nil {
		return err
	}
	return s.viewCapacity(c, capacity)
}
