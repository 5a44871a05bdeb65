using OrleansMlops.Abstractions;

namespace OrleansMlops.Workflows;

/// <summary>
/// Evaluates a syntax tree. Type errors do not throw: they become an error value that spreads to the root, so a
/// negation cannot turn a mistake into "true" and the condition as a whole does not hold.
/// </summary>
internal static class ConditionEvaluator
{
    public static ConditionValue Evaluate(ConditionExpression expression, IReadOnlyDictionary<string, Variable> variables) =>
        expression switch
        {
            LiteralExpression literal => literal.Value,
            VariableExpression variable => ConditionValue.From(variables.GetValueOrDefault(variable.Name)),
            UnaryExpression unary => EvaluateUnary(unary, variables),
            BinaryExpression binary => EvaluateBinary(binary, variables),
            _ => throw new InvalidOperationException($"Unknown condition expression {expression.GetType().Name}."),
        };

    private static ConditionValue EvaluateUnary(UnaryExpression unary, IReadOnlyDictionary<string, Variable> variables)
    {
        var operand = Evaluate(unary.Operand, variables);
        return (unary.Operator, operand.Kind) switch
        {
            (_, ConditionValueKind.Error) => operand,
            (ConditionTokenKind.Not, ConditionValueKind.Boolean) => ConditionValue.Of(!operand.Boolean),
            (ConditionTokenKind.Minus, ConditionValueKind.Number) => ConditionValue.Of(-operand.Number),
            (ConditionTokenKind.Not, _) => ConditionValue.Error($"'not' needs a boolean, not {operand.Describe()}"),
            _ => ConditionValue.Error($"'-' needs a number, not {operand.Describe()}"),
        };
    }

    private static ConditionValue EvaluateBinary(BinaryExpression binary, IReadOnlyDictionary<string, Variable> variables)
    {
        if (binary.Operator is ConditionTokenKind.And or ConditionTokenKind.Or)
        {
            return EvaluateLogical(binary, variables);
        }

        var left = Evaluate(binary.Left, variables);
        if (left.IsError)
        {
            return left;
        }

        var right = Evaluate(binary.Right, variables);
        if (right.IsError)
        {
            return right;
        }

        return binary.Operator switch
        {
            ConditionTokenKind.Equal => AreEqual(left, right),
            ConditionTokenKind.NotEqual => Negate(AreEqual(left, right)),
            ConditionTokenKind.Plus or ConditionTokenKind.Minus or ConditionTokenKind.Multiply or ConditionTokenKind.Divide =>
                Calculate(binary.Operator, left, right),
            _ => Order(binary.Operator, left, right),
        };
    }

    private static ConditionValue EvaluateLogical(BinaryExpression binary, IReadOnlyDictionary<string, Variable> variables)
    {
        var name = binary.Operator == ConditionTokenKind.And ? "and" : "or";
        var left = Evaluate(binary.Left, variables);
        if (left.IsError)
        {
            return left;
        }

        if (left.Kind != ConditionValueKind.Boolean)
        {
            return ConditionValue.Error($"'{name}' needs booleans, not {left.Describe()}");
        }

        // Short-circuit like JUEL and FEEL: the right side may rely on the left one (x != null && x > 3).
        var decided = binary.Operator == ConditionTokenKind.And ? !left.Boolean : left.Boolean;
        if (decided)
        {
            return left;
        }

        var right = Evaluate(binary.Right, variables);
        return right.Kind switch
        {
            ConditionValueKind.Error => right,
            ConditionValueKind.Boolean => right,
            _ => ConditionValue.Error($"'{name}' needs booleans, not {right.Describe()}"),
        };
    }

    private static ConditionValue AreEqual(ConditionValue left, ConditionValue right)
    {
        if (left.Kind == ConditionValueKind.Null || right.Kind == ConditionValueKind.Null)
        {
            return ConditionValue.Of(left.Kind == right.Kind);
        }

        // No coercion: "0.8" == 0.8 is more likely a mistake in the model than an intended comparison.
        if (left.Kind != right.Kind)
        {
            return ConditionValue.Error($"cannot compare {left.Describe()} with {right.Describe()}");
        }

        return ConditionValue.Of(left.Kind switch
        {
            ConditionValueKind.Boolean => left.Boolean == right.Boolean,
            ConditionValueKind.Number => left.Number.Equals(right.Number),
            _ => string.Equals(left.Text, right.Text, StringComparison.Ordinal),
        });
    }

    private static ConditionValue Negate(ConditionValue value) =>
        value.IsError ? value : ConditionValue.Of(!value.Boolean);

    private static ConditionValue Order(ConditionTokenKind comparison, ConditionValue left, ConditionValue right)
    {
        // A missing variable is not smaller or greater than anything: "auc > 0.7" must not hold before auc is known.
        if (left.Kind == ConditionValueKind.Null || right.Kind == ConditionValueKind.Null)
        {
            return ConditionValue.Of(false);
        }

        int order;
        if (left.Kind == ConditionValueKind.Number && right.Kind == ConditionValueKind.Number)
        {
            if (double.IsNaN(left.Number) || double.IsNaN(right.Number))
            {
                return ConditionValue.Of(false);
            }

            order = left.Number.CompareTo(right.Number);
        }
        else if (left.Kind == ConditionValueKind.Text && right.Kind == ConditionValueKind.Text)
        {
            order = string.CompareOrdinal(left.Text, right.Text);
        }
        else
        {
            return ConditionValue.Error($"cannot order {left.Describe()} and {right.Describe()}");
        }

        return ConditionValue.Of(comparison switch
        {
            ConditionTokenKind.Less => order < 0,
            ConditionTokenKind.LessOrEqual => order <= 0,
            ConditionTokenKind.Greater => order > 0,
            _ => order >= 0,
        });
    }

    private static ConditionValue Calculate(ConditionTokenKind operation, ConditionValue left, ConditionValue right)
    {
        if (left.Kind != ConditionValueKind.Number || right.Kind != ConditionValueKind.Number)
        {
            return ConditionValue.Error($"arithmetic needs numbers, not {left.Describe()} and {right.Describe()}");
        }

        return operation switch
        {
            ConditionTokenKind.Plus => ConditionValue.Of(left.Number + right.Number),
            ConditionTokenKind.Minus => ConditionValue.Of(left.Number - right.Number),
            ConditionTokenKind.Multiply => ConditionValue.Of(left.Number * right.Number),
            _ when right.Number == 0 => ConditionValue.Error("division by zero"),
            _ => ConditionValue.Of(left.Number / right.Number),
        };
    }
}
