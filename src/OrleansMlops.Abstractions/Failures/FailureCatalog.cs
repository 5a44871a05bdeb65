using System.Collections.Frozen;
using System.Reflection;

namespace OrleansMlops.Abstractions.Failures;

/// <summary>The <see cref="FailureAttribute"/> each member of an error-code enum declares, read once per enum.</summary>
public static class FailureCatalog
{
    public static FailureAttribute Of<TCode>(TCode code)
        where TCode : struct, Enum => Declared<TCode>.ByCode[code];

    private static class Declared<TCode>
        where TCode : struct, Enum
    {
        // Read whole, so a code without its attribute fails the first refusal of its area (and the test over every
        // code) instead of answering a vague default.
        public static readonly FrozenDictionary<TCode, FailureAttribute> ByCode = typeof(TCode)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .ToFrozenDictionary(
                field => (TCode)field.GetValue(null)!,
                field => field.GetCustomAttribute<FailureAttribute>()
                    ?? throw new InvalidOperationException(
                        $"{typeof(TCode).Name}.{field.Name} declares no [Failure]: say what kind of failure it is and its title."));
    }
}
