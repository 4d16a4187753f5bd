using System.Buffers.Binary;

namespace ContainerHealth.Package.Tests;

/// <summary>The two facts a test needs from a 64-bit little-endian ELF file: its machine and whether it is dynamic.</summary>
internal sealed record ElfHeader(int Machine, bool HasInterpreter)
{
    private const uint ProgramHeaderInterpreter = 3;

    public static ElfHeader Read(byte[] file)
    {
        if (file.Length < 64 || file[0] != 0x7F || file[1] != (byte)'E' || file[2] != (byte)'L' || file[3] != (byte)'F' || file[4] != 2)
        {
            throw new InvalidDataException("not a 64-bit ELF file");
        }

        var span = file.AsSpan();
        int machine = BinaryPrimitives.ReadUInt16LittleEndian(span[18..]);
        var programHeaders = (int)BinaryPrimitives.ReadUInt64LittleEndian(span[32..]);
        int entrySize = BinaryPrimitives.ReadUInt16LittleEndian(span[54..]);
        int count = BinaryPrimitives.ReadUInt16LittleEndian(span[56..]);
        for (var i = 0; i < count; i++)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(span[(programHeaders + (i * entrySize))..]) == ProgramHeaderInterpreter)
            {
                return new ElfHeader(machine, HasInterpreter: true);
            }
        }

        return new ElfHeader(machine, HasInterpreter: false);
    }
}
