package org.edgeai.app.gui.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PlaybackClockTest {

    @Test
    void theSliderSpansOneMillisecondPerSecondToAsFastAsPossible() {
        PlaybackClock c = new PlaybackClock();
        c.setSliderPosition(0);
        assertEquals(1e-3, c.speed(), 1e-15);
        assertEquals("1 s on screen = 1 ms simulated", c.mappingText());
        c.setSliderPosition(PlaybackClock.SLIDER_FINITE);
        assertEquals(1e3, c.speed(), 1e-9);
        assertEquals("1 s on screen = 16.7 min simulated", c.mappingText());
        c.setSliderPosition(PlaybackClock.SLIDER_FINITE / 2);
        assertEquals(1.0, c.speed(), 1e-12, "the middle of the finite range is real time");
        assertEquals(PlaybackClock.SLIDER_FINITE / 2, c.sliderPosition(), 1e-12);
        c.setSliderPosition(1);
        assertTrue(c.isAsFastAsPossible());
        assertEquals("as fast as possible", c.mappingText());
        assertThrows(IllegalArgumentException.class, () -> c.setSpeed(0));
    }

    @Test
    void theCursorMovesAtTheSpeedAndNeverPassesTheFrontierOrATarget() {
        PlaybackClock c = new PlaybackClock();
        c.setSpeed(0.01);
        assertFalse(c.advance(1, 5), "paused");
        c.play();
        c.advance(0.5, 5);
        assertEquals(0.005, c.cursor(), 1e-15);
        c.advance(1000, 0.2);
        assertEquals(0.2, c.cursor(), 1e-15, "waits at the frontier");
        c.runTo(0.25);
        c.advance(1, 1.0);
        assertEquals(0.21, c.cursor(), 1e-12);
        c.advance(10, 1.0);
        assertEquals(0.25, c.cursor(), 1e-15);
        assertTrue(c.isPaused(), "pauses at the target");
        c.setAsFastAsPossible();
        c.play();
        c.advance(0.016, 3.5);
        assertEquals(3.5, c.cursor(), 0);
        c.seek(1.0);
        assertTrue(c.isPaused());
        assertEquals(1.0, c.cursor(), 0);
        c.reset();
        assertEquals(0, c.cursor(), 0);
    }
}
