using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace OrleansMlops.Workflows;

/// <summary>
/// Strict ISO-8601 durations of fixed length: <c>PnW</c> or <c>PnDTnHnMnS</c> (seconds may have a fraction), e.g.
/// <c>PT48H</c>, <c>P2D</c>, <c>PT1M30S</c>. Years and months are refused: their length depends on the calendar date the
/// timer starts, and a governance deadline must not silently vary between 28 and 31 days.
/// </summary>
internal static class IsoDuration
{
    /// <summary>Longer timers are almost certainly typos (PT48000H), and the bound keeps arithmetic far from overflow.</summary>
    public static readonly TimeSpan Max = TimeSpan.FromDays(3650);

    private const int MaxDigits = 9;

    public static bool TryParse(string? text, out TimeSpan duration, [NotNullWhen(false)] out string? error)
    {
        duration = TimeSpan.Zero;
        var value = text?.Trim() ?? string.Empty;
        error = Validate(value, ref duration);
        return error is null;
    }

    private static string? Validate(string text, ref TimeSpan duration)
    {
        if (text.Length == 0)
        {
            return "the duration is empty";
        }

        if (text[0] != 'P')
        {
            return $"'{text}' is not an ISO-8601 duration: it must start with 'P', as in PT48H or P2D";
        }

        var inTimePart = false;
        var sawComponent = false;
        var lastOrder = -1;
        var total = TimeSpan.Zero;
        var index = 1;
        while (index < text.Length)
        {
            if (text[index] == 'T')
            {
                if (inTimePart)
                {
                    return $"'{text}' has 'T' twice";
                }

                inTimePart = true;
                index++;
                if (index == text.Length)
                {
                    return $"'{text}' has no time components after 'T'";
                }

                continue;
            }

            var start = index;
            while (index < text.Length && (char.IsAsciiDigit(text[index]) || text[index] is '.' or ','))
            {
                index++;
            }

            if (index == start || index == text.Length)
            {
                return $"'{text}' is not an ISO-8601 duration: expected a number followed by a designator at offset {start}";
            }

            var number = text[start..index];
            if (number.Split('.', ',')[0].Length > MaxDigits)
            {
                return $"'{text}' is longer than the maximum of {Max.TotalDays} days";
            }

            var designator = text[index];
            index++;

            var unit = Unit(designator, inTimePart);
            if (unit.Error is { } unitError)
            {
                return $"'{text}': {unitError}";
            }

            if (unit.Order <= lastOrder)
            {
                return $"'{text}' has its components out of order or repeated; write them as PnDTnHnMnS";
            }

            lastOrder = unit.Order;
            var isSeconds = unit.Order == 4;
            if (!TryReadNumber(number, allowFraction: isSeconds, out var amount))
            {
                return isSeconds
                    ? $"'{text}': '{number}' is not a valid number of seconds"
                    : $"'{text}': '{number}' must be a whole number (only seconds may have a fraction)";
            }

            if ((double)amount * unit.Scale.TotalSeconds > Max.TotalSeconds)
            {
                return $"'{text}' is longer than the maximum of {Max.TotalDays} days";
            }

            total += TimeSpan.FromSeconds((double)amount * unit.Scale.TotalSeconds);
            sawComponent = true;
        }

        if (!sawComponent)
        {
            return $"'{text}' has no components, as in PT48H";
        }

        if (total > Max)
        {
            return $"'{text}' is longer than the maximum of {Max.TotalDays} days";
        }

        duration = total;
        return null;
    }

    private static (int Order, TimeSpan Scale, string? Error) Unit(char designator, bool inTimePart) =>
        (designator, inTimePart) switch
        {
            ('Y', false) => (0, default, "years depend on the calendar; use days (P365D) if a fixed length is meant"),
            ('M', false) => (0, default, "months depend on the calendar; use days (P30D) if a fixed length is meant"),
            ('W', false) => (0, TimeSpan.FromDays(7), null),
            ('D', false) => (1, TimeSpan.FromDays(1), null),
            ('H', true) => (2, TimeSpan.FromHours(1), null),
            ('M', true) => (3, TimeSpan.FromMinutes(1), null),
            ('S', true) => (4, TimeSpan.FromSeconds(1), null),
            (_, false) when designator is 'H' or 'S' => (0, default, $"'{designator}' belongs after 'T', as in PT{designator}"),
            _ => (0, default, $"'{designator}' is not a duration designator"),
        };

    private static bool TryReadNumber(string number, bool allowFraction, out decimal amount)
    {
        amount = 0;
        var normalized = number.Replace(',', '.');
        var point = normalized.IndexOf('.', StringComparison.Ordinal);
        if (point >= 0 && (!allowFraction || point == 0 || point == normalized.Length - 1 || normalized.IndexOf('.', point + 1) >= 0))
        {
            return false;
        }

        return decimal.TryParse(normalized, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amount);
    }
}
