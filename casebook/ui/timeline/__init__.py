"""The timeline page's widgets: the visual chart, the list, the event dialog and side panels."""
