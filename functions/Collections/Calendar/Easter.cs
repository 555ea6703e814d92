namespace Collections.Calendar;

/// <summary>Easter Sunday by the Gregorian computus (the anonymous Gregorian algorithm,
/// "Meeus/Jones/Butcher"), valid for every Gregorian year.</summary>
public static class Easter
{
    public static DateOnly Sunday(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1583);
        var goldenNumber = year % 19;
        var century = year / 100;
        var yearOfCentury = year % 100;
        var skippedLeapYears = century / 4;
        var centuryRemainder = century % 4;
        var lunarCorrection = (century + 8) / 25;
        var solarCorrection = (century - lunarCorrection + 1) / 3;
        var epact = ((19 * goldenNumber) + century - skippedLeapYears - solarCorrection + 15) % 30;
        var leapYearsOfCentury = yearOfCentury / 4;
        var yearRemainder = yearOfCentury % 4;
        var weekday = (32 + (2 * centuryRemainder) + (2 * leapYearsOfCentury) - epact - yearRemainder) % 7;
        var correction = (goldenNumber + (11 * epact) + (22 * weekday)) / 451;
        var month = (epact + weekday - (7 * correction) + 114) / 31;
        var day = ((epact + weekday - (7 * correction) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }
}
