using System.Runtime.InteropServices;

namespace Zoo.Core.Processes.Native;

/// <summary>
/// A ZOO C service in this process: the function <paramref name="Function"/> of the shared object
/// <paramref name="Library"/>, called as <c>int fn(maps** conf, maps** inputs, maps** outputs)</c>.
/// Only the child process of <see cref="NativeServiceRunner"/> calls it: a crash here takes down no request but its own.
/// </summary>
internal sealed record NativeService(string Library, string Function)
{
    /// <summary>The code it returned and conf and outputs as it left them, or ZOO's message when it could not be called.</summary>
    public unsafe NativeCallResult Call(ZooMaps conf, ZooMaps inputs, ZooMaps outputs)
    {
        // Never unloaded: a service may leave threads or atexit handlers behind, and the process ends after the call.
        nint handle;
        try
        {
            handle = NativeLibrary.Load(Library);
        }
        catch (DllNotFoundException e)
        {
            return NativeCallResult.Error($"Unable to load C Library {e.Message}");
        }
        if (!NativeLibrary.TryGetExport(handle, Function, out var export))
                return NativeCallResult.Error($"Error occurred while running the {Function} function: {Library}: undefined symbol: {Function}");
            var function = (delegate* unmanaged<NativeMaps**, NativeMaps**, NativeMaps**, int>)export;
            var nativeConf = NativeMapsMarshaller.Allocate(conf);
            var nativeInputs = NativeMapsMarshaller.Allocate(inputs);
            var nativeOutputs = NativeMapsMarshaller.Allocate(outputs);
            try
            {
                var code = function(&nativeConf, &nativeInputs, &nativeOutputs);
                return new NativeCallResult(code, NativeMapsMarshaller.Read(nativeConf), NativeMapsMarshaller.Read(nativeOutputs), null);
            }
            finally
            {
                NativeMapsMarshaller.Free(nativeConf);
                NativeMapsMarshaller.Free(nativeInputs);
                NativeMapsMarshaller.Free(nativeOutputs);
            }
    }
}

/// <summary>What a call gave back: the code, conf and outputs; or, when there was no call, why.</summary>
internal sealed record NativeCallResult(int? Code, ZooMaps Conf, ZooMaps Outputs, string? Failure)
{
    public static NativeCallResult Error(string message) => new(null, new ZooMaps(), new ZooMaps(), message);
}
