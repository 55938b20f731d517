using Zoo.Core.Processes;
using Zoo.Core.Wps.Responses;
using Zoo.Core.Xml;

namespace Zoo.Core.Wps.Operations;

/// <summary>DescribeProcess: one .zcfg read per identifier named, or every service for <c>all</c>.</summary>
public static class DescribeProcess
{
    public static ElementNode Handle(WpsRequestContext context, RunnerCatalog runners)
    {
        var registry = ServiceRegistry.For(context.Config);
        var identifiers = context.Request.Identifiers;
        var entries = identifiers.Any(i => i.Equals("all", StringComparison.OrdinalIgnoreCase))
            ? registry.All().ToList()
            : identifiers.Select(id => registry.Find(id) ?? throw Messages.NoSuchProcess(id)).ToList();
        var offerings = entries.Select(e => ProcessOffering.Read(e, runners)).ToList();
        return DescribeProcessWriter.Build(context.Request.Version, context.Request.Language, offerings);
    }
}
