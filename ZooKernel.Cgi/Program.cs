using Zoo.Core;
using Zoo.Core.Cgi;

// zoo_loader.cgi: one process per request, as a web server runs a CGI.
var standardOutput = Console.OpenStandardOutput();
CgiResponse response;
try
{
    var request = CgiRequest.FromProcess(Console.OpenStandardInput());
    var kernel = new Kernel(Environment.CurrentDirectory, AppContext.BaseDirectory, Console.Error);
    response = kernel.Handle(request);
}
catch (BodyTooLargeException e)
{
    response = ErrorResponses.Plain("413 Request Entity Too Large", e.Message);
}
catch (Exception e)
{
    response = Kernel.Unexpected(e, Console.Error);
}
response.WriteTo(standardOutput);
return 0;
