using Zoo.Core.Cgi;
using Zoo.Core.Configuration;
using Zoo.Core.Wps.Requests;

namespace Zoo.Core.Wps.Operations;

/// <summary>What an operation works with: the parsed request, the configuration and the CGI call it came in.</summary>
public sealed record WpsRequestContext(WpsRequest Request, MainConfig Config, CgiRequest Cgi, string ServiceUrl, TextWriter Log);
