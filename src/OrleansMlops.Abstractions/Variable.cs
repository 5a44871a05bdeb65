using System.Globalization;

namespace OrleansMlops.Abstractions;

/// <summary>The kinds of value a run variable can hold; nested objects are deliberately not supported.</summary>
public enum VariableKind
{
    Text,
    Number,
    Boolean,
}

/// <summary>A run variable: a string, a number or a boolean.</summary>
[GenerateSerializer, Immutable, Alias("mlops.variable")]
public sealed record Variable(
    [property: Id(0)] VariableKind Kind,
    [property: Id(1)] string? Text,
    [property: Id(2)] double Number,
    [property: Id(3)] bool Boolean)
{
    public static Variable Of(string text) => new(VariableKind.Text, text, 0, false);

    public static Variable Of(double number) => new(VariableKind.Number, null, number, false);

    public static Variable Of(bool boolean) => new(VariableKind.Boolean, null, 0, boolean);

    /// <summary>The value as a CLR object: string, double or bool.</summary>
    public object Value => Kind switch
    {
        VariableKind.Number => Number,
        VariableKind.Boolean => Boolean,
        _ => Text ?? string.Empty,
    };

    public override string ToString() => Kind switch
    {
        VariableKind.Number => Number.ToString("R", CultureInfo.InvariantCulture),
        VariableKind.Boolean => Boolean ? "true" : "false",
        _ => Text ?? string.Empty,
    };
}
