// A named universe's membership rule: comparisons of a company's published figures (names as in metrics.company)
// with numbers, combined with and / or / not and parentheses. Precedence: not, then and, then or.
// Example: ntmGrowth > 0.30 and (evToNtmRevenue < 20 or not ruleOf40Ntm < 0.4)
grammar UniverseRule;

rule_
    : expression EOF
    ;

expression
    : NOT expression                        # negation
    | expression AND expression             # conjunction
    | expression OR expression              # disjunction
    | '(' expression ')'                    # group
    | FIELD COMPARATOR NUMBER               # comparison
    ;

AND        : [aA] [nN] [dD] ;
OR         : [oO] [rR] ;
NOT        : [nN] [oO] [tT] ;
COMPARATOR : '<=' | '>=' | '!=' | '<' | '>' | '=' ;
NUMBER     : '-'? DIGIT+ ('.' DIGIT+)? ([eE] [+-]? DIGIT+)? ;
FIELD      : [a-zA-Z] [a-zA-Z0-9]* ;
WS         : [ \t\r\n]+ -> skip ;

fragment DIGIT : [0-9] ;
