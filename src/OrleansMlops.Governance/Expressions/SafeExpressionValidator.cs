using System.Collections.Frozen;
using System.Linq.Expressions;
using System.Reflection;

namespace OrleansMlops.Governance.Expressions;

/// <summary>
/// Walks a parsed rule expression and accepts it only if every node is on <see cref="ExpressionAllowlist"/>: every
/// value has an allowed type (so nothing can reach System.Type, System.Reflection or other objects), every member and
/// method is named on the allowlist, lambdas nest at most <see cref="ExpressionAllowlist.MaxLambdaDepth"/> deep, and
/// the tree at most <see cref="MaxDepth"/> levels.
/// </summary>
internal static class SafeExpressionValidator
{
    public const int MaxDepth = 40;

    private static readonly FrozenSet<ExpressionType> BinaryOperators = new[]
    {
        ExpressionType.AndAlso, ExpressionType.OrElse, ExpressionType.And, ExpressionType.Or, ExpressionType.ExclusiveOr,
        ExpressionType.Equal, ExpressionType.NotEqual,
        ExpressionType.LessThan, ExpressionType.LessThanOrEqual, ExpressionType.GreaterThan, ExpressionType.GreaterThanOrEqual,
        ExpressionType.Add, ExpressionType.AddChecked, ExpressionType.Subtract, ExpressionType.SubtractChecked,
        ExpressionType.Multiply, ExpressionType.MultiplyChecked, ExpressionType.Divide, ExpressionType.Modulo,
        ExpressionType.Coalesce,
    }.ToFrozenSet();

    private static readonly FrozenSet<ExpressionType> UnaryOperators = new[]
    {
        ExpressionType.Not, ExpressionType.Negate, ExpressionType.NegateChecked, ExpressionType.UnaryPlus,
        ExpressionType.Convert, ExpressionType.ConvertChecked, ExpressionType.Quote, ExpressionType.ArrayLength,
    }.ToFrozenSet();

    /// <summary>Returns why the expression is refused, or null when every node is allowed.</summary>
    public static string? FindViolation(LambdaExpression expression)
    {
        foreach (var parameter in expression.Parameters)
        {
            if (!ExpressionAllowlist.IsInputType(parameter.Type))
            {
                return $"parameter '{parameter.Name}' has type {Describe(parameter.Type)}, which is not a gate input type.";
            }
        }

        return Check(expression.Body, depth: 1, lambdaDepth: 0);
    }

    private static string? Check(Expression? node, int depth, int lambdaDepth)
    {
        if (node is null)
        {
            return null;
        }

        if (depth > MaxDepth)
        {
            return $"the expression nests deeper than {MaxDepth} levels; split it into several rules.";
        }

        if (!ExpressionAllowlist.IsAllowedType(node.Type))
        {
            return $"it produces a value of type {Describe(node.Type)}; rules may only use the gate input, its collections and plain values.";
        }

        var next = depth + 1;
        return node switch
        {
            ConstantExpression constant => ExpressionAllowlist.IsAllowedConstant(constant.Type, constant.Value)
                ? null
                : $"it holds a constant of type {Describe(constant.Type)}.",
            ParameterExpression => null,
            MemberExpression member => CheckMember(member, next, lambdaDepth),
            MethodCallExpression call => CheckCall(call, next, lambdaDepth),
            IndexExpression index => index.Indexer?.GetMethod is { } getter && ExpressionAllowlist.IsAllowedMethod(getter)
                ? CheckAll(index.Arguments, next, lambdaDepth) ?? Check(index.Object, next, lambdaDepth)
                : $"it indexes {Describe(index.Object?.Type)}, which is not a dictionary of the gate input.",
            LambdaExpression lambda => CheckLambda(lambda, next, lambdaDepth),
            BinaryExpression binary => CheckBinary(binary, next, lambdaDepth),
            UnaryExpression unary => UnaryOperators.Contains(unary.NodeType) && (unary.Method is null || ExpressionAllowlist.IsAllowedOperator(unary.Method))
                ? Check(unary.Operand, next, lambdaDepth)
                : $"it uses the operator '{unary.NodeType}', which rules may not use.",
            ConditionalExpression conditional =>
                Check(conditional.Test, next, lambdaDepth) ?? Check(conditional.IfTrue, next, lambdaDepth) ?? Check(conditional.IfFalse, next, lambdaDepth),
            _ => $"it uses a '{node.NodeType}' expression, which rules may not use.",
        };
    }

    private static string? CheckMember(MemberExpression member, int depth, int lambdaDepth)
    {
        if (member.Expression is null)
        {
            return ExpressionAllowlist.IsAllowedStaticMember(member.Member)
                ? null
                : $"it reads {Describe(member.Member)}, a static member; read the gate input instead (e.g. input.Now for the time).";
        }

        return ExpressionAllowlist.IsAllowedMember(member.Member)
            ? Check(member.Expression, depth, lambdaDepth)
            : $"it reads {Describe(member.Member)}, which is not on the allowlist of rule members.";
    }

    private static string? CheckCall(MethodCallExpression call, int depth, int lambdaDepth) =>
        ExpressionAllowlist.IsAllowedMethod(call.Method)
            ? Check(call.Object, depth, lambdaDepth) ?? CheckAll(call.Arguments, depth, lambdaDepth)
            : $"it calls {Describe(call.Method)}, which is not on the allowlist of rule functions "
                + "(string StartsWith/EndsWith/Contains/Equals/ToLower/ToUpper/Trim/IsNullOrEmpty/IsNullOrWhiteSpace, "
                + "Any/All/Count/Contains/Where, Math.Abs/Min/Max, ContainsKey and [key] on the input's dictionaries, actor.HasRole).";

    private static string? CheckLambda(LambdaExpression lambda, int depth, int lambdaDepth)
    {
        if (lambdaDepth + 1 > ExpressionAllowlist.MaxLambdaDepth)
        {
            return $"it nests lambdas more than {ExpressionAllowlist.MaxLambdaDepth} deep, which multiplies the work per input.";
        }

        foreach (var parameter in lambda.Parameters)
        {
            if (!ExpressionAllowlist.IsAllowedType(parameter.Type))
            {
                return $"a lambda parameter has type {Describe(parameter.Type)}.";
            }
        }

        return Check(lambda.Body, depth, lambdaDepth + 1);
    }

    private static string? CheckBinary(BinaryExpression binary, int depth, int lambdaDepth)
    {
        if (!BinaryOperators.Contains(binary.NodeType))
        {
            return $"it uses the operator '{binary.NodeType}', which rules may not use.";
        }

        if (binary.Method is not null && !ExpressionAllowlist.IsAllowedOperator(binary.Method))
        {
            return $"it applies '{binary.NodeType}' through {Describe(binary.Method)}, which is not an allowed operator.";
        }

        return Check(binary.Left, depth, lambdaDepth) ?? Check(binary.Right, depth, lambdaDepth) ?? Check(binary.Conversion, depth, lambdaDepth);
    }

    private static string? CheckAll(IEnumerable<Expression> nodes, int depth, int lambdaDepth)
    {
        foreach (var node in nodes)
        {
            if (Check(node, depth, lambdaDepth) is { } violation)
            {
                return violation;
            }
        }

        return null;
    }

    private static string Describe(MemberInfo member) => $"{Describe(member.DeclaringType)}.{member.Name}";

    private static string Describe(Type? type)
    {
        if (type is null)
        {
            return "?";
        }

        if (!type.IsGenericType)
        {
            return type.FullName ?? type.Name;
        }

        var name = type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)];
        return $"{type.Namespace}.{name}<{string.Join(", ", type.GetGenericArguments().Select(Describe))}>";
    }
}
