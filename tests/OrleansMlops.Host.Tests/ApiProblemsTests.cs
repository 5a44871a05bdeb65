using OrleansMlops.Abstractions.Failures;
using OrleansMlops.Abstractions.Governance.Proposals;
using OrleansMlops.Abstractions.Monitoring;
using OrleansMlops.Host.Api;
using WireCode = OrleansMlops.ExternalTasks.Contract.ExternalTaskErrorCode;
using QueueCode = OrleansMlops.Abstractions.ExternalTasks.ExternalTaskErrorCode;

namespace OrleansMlops.Host.Tests;

/// <summary>Every code of every area's coded exception answers a complete problem document, found by reflection so a new area or code is covered the day it is added.</summary>
public sealed class ApiProblemsTests
{
    private static readonly Type[] Areas = [.. typeof(MlopsException).Assembly.GetTypes()
        .Where(type => type is { IsAbstract: false } && typeof(MlopsException).IsAssignableFrom(type))
        .OrderBy(type => type.FullName, StringComparer.Ordinal)];

    public static TheoryData<string, string> EveryCode()
    {
        var data = new TheoryData<string, string>();
        foreach (var area in Areas)
        {
            foreach (var code in Enum.GetNames(CodeEnumOf(area)))
            {
                data.Add(area.Name, code);
            }
        }

        return data;
    }

    [Fact]
    public void Every_area_exception_is_coded_and_serialisable_by_orleans()
    {
        Assert.True(Areas.Length >= 6, $"found only {string.Join(", ", Areas.Select(a => a.Name))}");
        Assert.All(Areas, area => Assert.True(
            area.IsDefined(typeof(GenerateSerializerAttribute), inherit: false) && area.IsDefined(typeof(AliasAttribute), inherit: false),
            $"{area.Name} must be [GenerateSerializer, Alias] to cross the grain boundary with its code."));
    }

    [Theory]
    [MemberData(nameof(EveryCode))]
    public void A_coded_refusal_answers_its_status_type_and_code(string areaName, string codeName)
    {
        var area = Areas.Single(a => a.Name == areaName);
        var code = Enum.Parse(CodeEnumOf(area), codeName);
        var refusal = Refusal(area, code);

        var problem = ApiProblems.Describe(refusal);

        Assert.InRange(problem.Status ?? 0, 400, 499);
        Assert.Equal($"https://orleans-mlops.dev/problems/{codeName}", problem.Type);
        Assert.Equal(codeName, problem.Extensions["code"]);
        Assert.Equal(refusal.Area, problem.Extensions["area"]);
        Assert.False(string.IsNullOrWhiteSpace(problem.Title));
        Assert.Equal("what failed and where", problem.Detail);
    }

    [Theory]
    [InlineData(FailureKind.Invalid, 400)]
    [InlineData(FailureKind.Forbidden, 403)]
    [InlineData(FailureKind.NotFound, 404)]
    [InlineData(FailureKind.Conflict, 409)]
    [InlineData(FailureKind.InvalidContent, 422)]
    public void The_kind_decides_the_status(FailureKind kind, int status)
    {
        var refusal = Areas
            .SelectMany(area => Enum.GetValues(CodeEnumOf(area)).Cast<object>().Select(code => Refusal(area, code)))
            .First(refusal => refusal.Kind == kind);

        var problem = ApiProblems.Describe(refusal);

        Assert.Equal(status, problem.Status);
    }

    [Fact]
    public void The_facts_of_a_refusal_are_members_of_its_problem()
    {
        var candidate = ApiProblems.Describe(new ProposalException(new CandidateRefusal("Compile", "no such metric", "approvals", "auc-floor", "auc > 0.7"), "refused"));
        var reused = ApiProblems.Describe(new MonitoringException(MonitoringErrorCode.ObservationReused, "reported before"));

        Assert.Equal((422, "Compile", "auc-floor", "auc > 0.7"), (candidate.Status, candidate.Extensions["phase"], candidate.Extensions["rule"], candidate.Extensions["expression"]));
        Assert.Equal((409, "observationId"), (reused.Status, reused.Extensions["where"]));
    }

    [Fact]
    public void The_queue_codes_are_the_wire_contract_codes_workers_parse()
    {
        Assert.Equal(Enum.GetNames<WireCode>().Order(), Enum.GetNames<QueueCode>().Order());
    }

    private static Type CodeEnumOf(Type area)
    {
        for (var type = area.BaseType; type is not null; type = type.BaseType)
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(MlopsException<>))
            {
                return type.GetGenericArguments()[0];
            }
        }

        throw new InvalidOperationException($"{area.Name} does not derive from MlopsException<TCode>.");
    }

    private static MlopsException Refusal(Type area, object code) =>
        (MlopsException)Activator.CreateInstance(area, code, "what failed and where")!;
}
