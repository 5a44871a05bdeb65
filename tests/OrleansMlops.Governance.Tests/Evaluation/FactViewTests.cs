using System.Collections.Immutable;
using System.Reflection;
using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Governance;
using OrleansMlops.Governance.Expressions;
using OrleansMlops.Governance.Expressions.Views;

namespace OrleansMlops.Governance.Tests.Evaluation;

/// <summary>Rules run over views of the fact records; a view must offer every member its record has, under the same name.</summary>
public sealed class FactViewTests
{
    public static TheoryData<Type, Type> Pairs => new()
    {
        { typeof(GateInput), typeof(GateInputView) },
        { typeof(GateRunFacts), typeof(GateRunView) },
        { typeof(GateModelFacts), typeof(GateModelView) },
        { typeof(Actor), typeof(ActorView) },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void View_has_every_property_of_its_record(Type record, Type view)
    {
        foreach (var property in record.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.Name != "EqualityContract"))
        {
            var mirrored = view.GetProperty(property.Name, BindingFlags.Public | BindingFlags.Instance);
            Assert.True(mirrored is not null, $"{view.Name} lacks {property.Name}");
            Assert.Equal(ViewTypeOf(property.PropertyType), mirrored!.PropertyType);
        }
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void View_offers_the_helper_methods_of_its_record(Type record, Type view)
    {
        var helpers = RuleParameters.FactMethods.GetValueOrDefault(view) ?? [];
        var declared = record.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.Name is not ("Equals" or "GetHashCode" or "ToString" or "PrintMembers" or "Deconstruct" or "<Clone>$"))
            .Select(m => m.Name)
            .Distinct();

        Assert.Equal(declared.Order(StringComparer.Ordinal), helpers.Order(StringComparer.Ordinal));
        Assert.All(helpers, name => Assert.NotNull(view.GetMethod(name)));
    }

    private static Type ViewTypeOf(Type type)
    {
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ImmutableArray<>))
        {
            return type.GetGenericArguments()[0].MakeArrayType();
        }

        return type == typeof(Actor) ? typeof(ActorView)
            : type == typeof(GateRunFacts) ? typeof(GateRunView)
            : type == typeof(GateModelFacts) ? typeof(GateModelView)
            : type;
    }
}
