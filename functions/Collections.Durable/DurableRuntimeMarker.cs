namespace Collections.Durable;

internal static class DurableRuntimeMarker;
