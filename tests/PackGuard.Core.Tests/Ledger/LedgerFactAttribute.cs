using Xunit.Abstractions;
using Xunit.Sdk;

namespace PackGuard.Tests.Ledger;

/// <summary>
/// A ledger test that runs once per engine: the class that inherits it decides which. In a class
/// that needs PostgreSQL (<see cref="IPostgresTests"/>) it is skipped when
/// <c>PACKGUARD_TEST_POSTGRES</c> is unset, except with <c>CI=true</c>: there it runs, and fails
/// for want of a server, because CI must prove both engines.
/// </summary>
[XunitTestCaseDiscoverer("PackGuard.Tests.Ledger.LedgerFactDiscoverer", "PackGuard.Core.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class LedgerFactAttribute : FactAttribute
{
}

/// <summary>Marks a test class that runs its ledger facts against PostgreSQL.</summary>
public interface IPostgresTests
{
}

/// <summary>Decides, per inheriting class, whether a <see cref="LedgerFactAttribute"/> test runs or is skipped.</summary>
public sealed class LedgerFactDiscoverer(IMessageSink diagnostics) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var display = discoveryOptions.MethodDisplayOrDefault();
        var displayOptions = discoveryOptions.MethodDisplayOptionsOrDefault();
        if (typeof(IPostgresTests).IsAssignableFrom(testMethod.TestClass.Class.ToRuntimeType()) && PostgresServer.SkipReason is { } reason)
            return [new XunitSkippedDataRowTestCase(diagnostics, display, displayOptions, testMethod, reason)];
        return [new XunitTestCase(diagnostics, display, displayOptions, testMethod)];
    }
}
