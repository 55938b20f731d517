namespace Zoo.Core.Configuration.Checking;

/// <summary>
/// The header of each service: a <c>serviceType</c> one of the kernel's runtimes takes (the CGI's own list, so nothing
/// here repeats it), and, for the runtimes that look <c>serviceProvider</c> up by name (a Python module, a C library in
/// the service's directory, an OTB application), a plain name that cannot lead anywhere else.
/// </summary>
public sealed class ServiceTypesCheck : IConfigCheck
{
    private static readonly string[] ProvidersByName = ["Python", "C", "OTB"];

    public Task CheckAsync(CheckContext context, FindingList findings, CancellationToken cancellationToken)
    {
        var known = string.Join(", ", context.Runners.ServiceTypes);
        foreach (var service in context.Services)
        {
            var type = service.Process.ServiceType;
            if (string.IsNullOrWhiteSpace(type))
                findings.Error(service.At("serviceType"), $"is missing: no runtime runs the service (this kernel runs {known})");
            else if (context.Runners.Find(type) is null)
                findings.Error(service.At("serviceType"),
                    $"{type} is not a serviceType this kernel runs ({known}): every Execute of the service fails");

            if (service.Process.ServiceProvider is { } provider
                && ProvidersByName.Contains(type, StringComparer.OrdinalIgnoreCase)
                && (provider.Contains('/') || provider.Contains("..", StringComparison.Ordinal)))
                findings.Error(service.At("serviceProvider"), $"{provider} must be a plain name, without '/' or '..'");
        }
        return Task.CompletedTask;
    }
}
