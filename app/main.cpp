#include "commandline.h"

int main(int argc, char *argv[])
{
    infralab::CommandLine commandLine;
    return commandLine.exec(argc, argv);
}
