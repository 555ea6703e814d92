namespace Collections.Calendar;

public sealed record Holiday(DateOnly Date, string Name);
