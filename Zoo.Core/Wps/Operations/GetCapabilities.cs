using Zoo.Core.Processes;
using Zoo.Core.Wps.Responses;
using Zoo.Core.Xml;

namespace Zoo.Core.Wps.Operations;

/// <summary>GetCapabilities: the server's identity and every service, read from each .zcfg's header only.</summary>
public static class GetCapabilities
{
    public static ElementNode Handle(WpsRequestContext context, RunnerCatalog runners)
    {
        var entries = ServiceRegistry.For(context.Config).All().ToList();
        var headers = ServiceHeaderCache.For(context.Config, context.Log).Headers(entries);
        var offerings = entries.Select((entry, i) => new ProcessOffering(entry.Prefix + headers[i].Name, runners.Present(headers[i]))).ToList();
        return CapabilitiesWriter.Build(context.Config, context.Request.Version, context.Request.Language,
            context.ServiceUrl, offerings);
    }
}
