using System.Globalization;
using OrleansMlops.Abstractions;

namespace OrleansMlops.Workflows;

/// <summary>An intermediate value while a condition is evaluated.</summary>
internal readonly record struct ConditionValue(ConditionValueKind Kind, bool Boolean, double Number, string? Text)
{
    public static ConditionValue Null { get; } = new(ConditionValueKind.Null, false, 0, null);

    public static ConditionValue Of(bool value) => new(ConditionValueKind.Boolean, value, 0, null);

    public static ConditionValue Of(double value) => new(ConditionValueKind.Number, false, value, null);

    public static ConditionValue Of(string value) => new(ConditionValueKind.Text, false, 0, value);

    public static ConditionValue Error(string message) => new(ConditionValueKind.Error, false, 0, message);

    public static ConditionValue From(Variable? variable) => variable?.Kind switch
    {
        null => Null,
        VariableKind.Number => Of(variable.Number),
        VariableKind.Boolean => Of(variable.Boolean),
        _ => Of(variable.Text ?? string.Empty),
    };

    public bool IsError => Kind == ConditionValueKind.Error;

    /// <summary>How the value reads in an error message: its kind and a short rendering.</summary>
    public string Describe() => Kind switch
    {
        ConditionValueKind.Null => "null",
        ConditionValueKind.Boolean => Boolean ? "boolean true" : "boolean false",
        ConditionValueKind.Number => $"number {Number.ToString("R", CultureInfo.InvariantCulture)}",
        ConditionValueKind.Text => $"text '{Shorten(Text ?? string.Empty)}'",
        _ => $"error ({Text})",
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "...");
}
