using OrleansMlops.Abstractions;

namespace OrleansMlops.Host.Demo;

/// <summary>The people of the README's walkthrough: three different persons from three units, as four-eyes demands.</summary>
internal static class DemoActors
{
    public static readonly Actor Alice = new("alice", ["data-scientist"], "retail-credit-analytics");
    public static readonly Actor Vera = new("vera", ["validator"], "model-validation");
    public static readonly Actor Bob = new("bob", ["approver"], "model-risk-management");
}
