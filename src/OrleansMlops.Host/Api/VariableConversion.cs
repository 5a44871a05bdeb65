using System.Collections.Immutable;
using System.Text.Json;
using OrleansMlops.Abstractions;

namespace OrleansMlops.Host.Api;

internal static class VariableConversion
{
    /// <summary>Converts JSON parameters to run variables, or returns an error naming the first parameter that is not a string, number or boolean.</summary>
    public static (ImmutableDictionary<string, Variable> Variables, string? Error) From(Dictionary<string, JsonElement>? parameters)
    {
        var variables = ImmutableDictionary.CreateBuilder<string, Variable>(StringComparer.Ordinal);
        foreach (var (name, value) in parameters ?? [])
        {
            Variable? variable = value.ValueKind switch
            {
                JsonValueKind.String => Variable.Of(value.GetString()!),
                JsonValueKind.Number => Variable.Of(value.GetDouble()),
                JsonValueKind.True => Variable.Of(true),
                JsonValueKind.False => Variable.Of(false),
                _ => null,
            };
            if (variable is null)
            {
                return (variables.ToImmutable(), $"parameters.{name} is {value.ValueKind}; only strings, numbers and booleans are allowed.");
            }

            variables[name] = variable;
        }

        return (variables.ToImmutable(), null);
    }
}
