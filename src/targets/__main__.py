from targets.cli import main

main()
