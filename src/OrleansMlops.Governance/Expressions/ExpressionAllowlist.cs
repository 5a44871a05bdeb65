using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Reflection;

namespace OrleansMlops.Governance.Expressions;

/// <summary>
/// What a rule expression may touch: value types, the gate input records and their collections, and a short list of
/// members and methods whose cost is bounded by the size of the input. Everything else is refused.
/// </summary>
internal static class ExpressionAllowlist
{
    /// <summary>Lambdas nested inside lambdas multiply the work (n², n³…); two levels cover "any variable whose value has …".</summary>
    public const int MaxLambdaDepth = 2;

    private static readonly FrozenSet<Type> InputTypes = RuleParameters.InputTypes.ToFrozenSet();

    private static readonly FrozenSet<Type> ScalarTypes = new[]
    {
        typeof(bool), typeof(char), typeof(string), typeof(object),
        typeof(sbyte), typeof(byte), typeof(short), typeof(ushort), typeof(int), typeof(uint), typeof(long), typeof(ulong),
        typeof(float), typeof(double), typeof(decimal),
        typeof(DateTimeOffset), typeof(StringComparison),
    }.ToFrozenSet();

    /// <summary>Generic shapes the input's collections and Enumerable's lambdas produce; their type arguments must be allowed too.</summary>
    private static readonly FrozenSet<Type> GenericShapes = new[]
    {
        typeof(Nullable<>), typeof(ImmutableDictionary<,>), typeof(ImmutableArray<>), typeof(KeyValuePair<,>),
        typeof(IEnumerable<>), typeof(Func<,>),
    }.ToFrozenSet();

    private static readonly FrozenSet<string> StringInstanceMethods = new[]
    {
        nameof(string.StartsWith), nameof(string.EndsWith), nameof(string.Contains), nameof(string.Equals),
        nameof(string.ToLower), nameof(string.ToUpper), nameof(string.ToLowerInvariant), nameof(string.ToUpperInvariant),
        nameof(string.Trim),
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> StringStaticMethods = new[]
    {
        nameof(string.IsNullOrEmpty), nameof(string.IsNullOrWhiteSpace), nameof(string.Equals),
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> EnumerableMethods = new[]
    {
        nameof(Enumerable.Any), nameof(Enumerable.All), nameof(Enumerable.Count), nameof(Enumerable.Contains), nameof(Enumerable.Where),
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> MathMethods = new[]
    {
        nameof(Math.Abs), nameof(Math.Min), nameof(Math.Max),
    }.ToFrozenSet(StringComparer.Ordinal);

    public static bool IsInputType(Type type) => InputTypes.Contains(type);

    public static bool IsAllowedType(Type type)
    {
        if (ScalarTypes.Contains(type) || InputTypes.Contains(type))
        {
            return true;
        }

        // The views expose the facts' collections as one-dimensional arrays (see Views/FactArrays).
        if (type.IsSZArray)
        {
            return IsAllowedType(type.GetElementType()!);
        }

        return type.IsGenericType
            && GenericShapes.Contains(type.GetGenericTypeDefinition())
            && type.GetGenericArguments().All(IsAllowedType);
    }

    /// <summary>A constant written in the expression: null, a number, a string, a char, a bool, a StringComparison.</summary>
    public static bool IsAllowedConstant(Type type, object? value) =>
        value is null || (type != typeof(object) && ScalarTypes.Contains(type));

    public static bool IsAllowedMember(MemberInfo member)
    {
        var declaring = member.DeclaringType;
        if (declaring is null)
        {
            return false;
        }

        if (InputTypes.Contains(declaring))
        {
            return member is PropertyInfo { GetMethod: { IsPublic: true, IsStatic: false } };
        }

        var shape = declaring.IsGenericType ? declaring.GetGenericTypeDefinition() : declaring;
        return (shape, member.Name) switch
        {
            ({ } t, nameof(string.Length)) when t == typeof(string) => true,
            ({ } t, nameof(Array.Length)) when t == typeof(Array) => true,
            ({ } t, "Count" or "Keys" or "Values" or "IsEmpty") when t == typeof(ImmutableDictionary<,>) => true,
            ({ } t, "Length" or "IsEmpty") when t == typeof(ImmutableArray<>) => true,
            ({ } t, "Key" or "Value") when t == typeof(KeyValuePair<,>) => true,
            ({ } t, "HasValue" or "Value") when t == typeof(Nullable<>) => true,
            ({ } t, "Year" or "Month" or "Day") when t == typeof(DateTimeOffset) => true,
            _ => false,
        };
    }

    /// <summary>Static members an expression may read; <c>DateTimeOffset.UtcNow</c> is not one: rules use <c>input.Now</c>.</summary>
    public static bool IsAllowedStaticMember(MemberInfo member) =>
        member.DeclaringType == typeof(string) && member.Name == nameof(string.Empty);

    public static bool IsAllowedMethod(MethodInfo method)
    {
        var declaring = method.DeclaringType;
        if (declaring is null || !method.GetParameters().All(p => IsAllowedType(p.ParameterType)))
        {
            return false;
        }

        if (RuleParameters.FactMethods.TryGetValue(declaring, out var factMethods))
        {
            return !method.IsStatic && factMethods.Contains(method.Name, StringComparer.Ordinal);
        }

        if (declaring == typeof(string))
        {
            return method.IsStatic
                ? StringStaticMethods.Contains(method.Name) || IsStringPlus(method)
                : StringInstanceMethods.Contains(method.Name);
        }

        if (declaring == typeof(Enumerable))
        {
            return EnumerableMethods.Contains(method.Name) && IsPlainEnumerableOverload(method);
        }

        if (declaring == typeof(Math))
        {
            return MathMethods.Contains(method.Name);
        }

        // Dictionary lookups: model.Metrics["auc"] is a call to get_Item, ContainsKey guards it.
        return declaring.IsGenericType
            && declaring.GetGenericTypeDefinition() == typeof(ImmutableDictionary<,>)
            && method.Name is "get_Item" or "ContainsKey";
    }

    /// <summary>Operators compiled to methods: string equality, DateTimeOffset and decimal comparisons and arithmetic.</summary>
    public static bool IsAllowedOperator(MethodInfo method) =>
        method.Name.StartsWith("op_", StringComparison.Ordinal)
        && (method.DeclaringType == typeof(string) || method.DeclaringType == typeof(DateTimeOffset) || method.DeclaringType == typeof(decimal));

    /// <summary>
    /// <c>a + b</c> on strings becomes <c>string.Concat(string, string)</c>: its result is as long as its inputs, unlike
    /// Concat over a sequence. Writing "Concat" by name is refused by <see cref="LexicalScreen"/>.
    /// </summary>
    private static bool IsStringPlus(MethodInfo method) =>
        method.Name == nameof(string.Concat)
        && method.GetParameters() is [{ } left, { } right]
        && left.ParameterType == typeof(string)
        && right.ParameterType == typeof(string);

    /// <summary>Refuses the overloads taking an IEqualityComparer or an index-aware predicate.</summary>
    private static bool IsPlainEnumerableOverload(MethodInfo method)
    {
        var parameters = method.GetParameters();
        return method.Name switch
        {
            nameof(Enumerable.Contains) => parameters.Length == 2,
            nameof(Enumerable.All) or nameof(Enumerable.Where) => parameters.Length == 2 && IsPredicate(parameters[1].ParameterType),
            _ => parameters.Length == 1 || (parameters.Length == 2 && IsPredicate(parameters[1].ParameterType)),
        };
    }

    private static bool IsPredicate(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Func<,>) && type.GetGenericArguments()[1] == typeof(bool);
}
