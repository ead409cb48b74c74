/*
** Grammar of the policy language. Actions only build syntax-tree nodes and
** report diagnostics; names and types are the checker's business.
*/
%require "3.8"
%define api.pure full
%define api.prefix {sp_yy}
%define parse.error custom
%define parse.lac full
%locations
%expect 0
%initial-action { @$.start = @$.end = 0; }
%lex-param {void *scanner}
%parse-param {void *scanner} {sp_parse_ctx *ctx}

%code requires {
#include "parse.h"
#define SP_YYLTYPE sp_span
#define SP_YYLTYPE_IS_DECLARED 1
#define YYLLOC_DEFAULT(Cur, Rhs, N)                                   \
    do {                                                              \
        if (N) {                                                      \
            (Cur).start = YYRHSLOC(Rhs, 1).start;                     \
            (Cur).end = YYRHSLOC(Rhs, N).end;                         \
        } else {                                                      \
            (Cur).start = (Cur).end = YYRHSLOC(Rhs, 0).end;           \
        }                                                             \
    } while (0)
}

%code provides {
int sp_yylex(SP_YYSTYPE *lval, SP_YYLTYPE *lloc, void *scanner);
}

%code {
#include <limits.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

/* Bison's stacks grow up to YYMAXDEPTH entries; past that, or when malloc
** fails, it reports "memory exhausted". Its allocator notes a real failure,
** so that a file nesting too deeply is told apart: that is the file's error
** (E0105), not the machine's. */
#define YYMAXDEPTH SP_MAX_PARSE_DEPTH
static _Thread_local bool stack_oom;
static void *stack_malloc(size_t size)
{
    void *p = malloc(size);
    if (!p)
        stack_oom = true;
    return p;
}
#define YYMALLOC stack_malloc
#define YYFREE free

/* From the scanner (its generated header would pull in Flex's types). */
int sp_yylex_init_extra(sp_parse_ctx *extra, void **scanner);
void *sp_yy_scan_bytes(const char *bytes, int len, void *scanner);
int sp_yylex_destroy(void *scanner);

#define NEW(T) ((T *)node(ctx, sizeof(T)))
#define L(loc) (loc).start, (loc).end

static void *node(sp_parse_ctx *ctx, size_t size);
static sp_expr *expr(sp_parse_ctx *ctx, sp_expr_kind kind, sp_span at);
static sp_expr *binary(sp_parse_ctx *ctx, sp_expr_kind kind, sp_expr *a, sp_expr *b, sp_span at);
static sp_item *item(sp_parse_ctx *ctx, sp_item_kind kind, sp_span at);
static sp_expr **to_array(sp_parse_ctx *ctx, sp_expr *head, size_t *n);
static void sp_yyerror(SP_YYLTYPE *loc, void *scanner, sp_parse_ctx *ctx, const char *msg);
static int64_t whole(sp_parse_ctx *ctx, sp_num n, int64_t most, sp_span at);

/* Appends to a {head, tail} list whose nodes have a next field. */
#define APPEND(list, x)                                                \
    do {                                                               \
        if (x) {                                                       \
            if ((list).tail) (list).tail->next = (x); else (list).head = (x); \
            (list).tail = (x);                                         \
        }                                                              \
    } while (0)
}

%union {
    char *str;
    sp_num num;
    sp_date date;
    int64_t ival;
    sp_expr *expr;
    sp_type *type;
    sp_item *item;
    struct { sp_ident *head, *tail; } idents;
    struct { sp_annot *head, *tail; } annots;
    struct { sp_branch *head, *tail; } branches;
    struct { sp_pair *head, *tail; } pairs;
    struct { sp_version *head, *tail; } versions;
    sp_version *version;
    struct { sp_expr *head, *tail; size_t n; } exprs;
    sp_annot *annot;
    sp_branch *branch;
    sp_pair *pair;
    int unit;
}

%token <str> IDENT "name" DOTTED "dotted name" STRING "text"
%token <num> INTEGER "number" DECIMAL "decimal number"
%token <date> DATE "date"
%token <ival> ORDINAL "ordinal (like 21st)"
%token IS_NOT "is not" WHOLE_NUMBER "whole number" ON_OR_AFTER "on or after" ON_OR_BEFORE "on or before"
%token LE "<=" GE ">=" NE "!="
%token AFTER "after" AND "and" ASSUME "assume" AT "at" BASE "base" BEFORE "before"
%token BIRTHDAY "birthday" BOOL "bool" BY "by" CITES "cites" DATE_T "date type"
%token DAYS "days" DEFAULT "default" ELSE "else" EXAMPLE "example" EXPECT "expect"
%token EXTENDS "extends" FACT "fact" FALSE "false" FIGURE "figure" FOR "for"
%token FIGURES "figures" FIRST "first" FORCE "force" FROM "from" GIVEN "given" IF "if" IN "in" IS "is" LIST "list" MONEY "money"
%token MONTHS "months" MOST "most" NOT "not" NULL_ "null" OF "of"
%token ONE "one" OR "or" OTHERWISE "otherwise" OUTPUT "output" POLICY "policy"
%token REFERENCE "reference" REPLACES "replaces" REQUIRED "required"
%token ROUNDED "rounded" RULE "rule" SOURCE "source" TABLE "table" TEXT_T "text type"
%token THEN "then" TO "to" TRUE "true" TYPE "type" VALUE "value" VERSION "version"
%token WEEKS "weeks" WHEN "when" YEARS "years"

%type <str> name
%type <item> item decl fact_decl rule_body example
%type <type> type base_type
%type <idents> idents round_words
%type <annots> annots
%type <annot> annot
%type <branches> branches
%type <branch> branch otherwise
%type <pairs> pairs entries
%type <versions> dated_values dated_tables
%type <version> dated_value dated_table
%type <expr> expr postfix primary literal constant number list_item
%type <exprs> exprs items constants
%type <unit> unit

%precedence IF
%precedence ROUNDED
%left OR
%left AND
%precedence NOT
%nonassoc '=' NE '<' LE '>' GE IS IS_NOT BEFORE AFTER ON_OR_AFTER ON_OR_BEFORE
%left '+' '-'
%left '*' '/'
%precedence UMINUS

%%

file
    : %empty
    | file item           { if ($2) APPEND(*ctx, $2); }
    | file error          { /* resynchronised at the next item */ }
    ;

item
    : POLICY STRING       { $$ = item(ctx, SP_ITEM_POLICY, @1); if ($$) { $$->name = $2; $$->name_start = @2.start; $$->name_end = @2.end; } }
    | VERSION STRING      { $$ = item(ctx, SP_ITEM_VERSION, @1); if ($$) { $$->name = $2; $$->name_start = @2.start; $$->name_end = @2.end; } }
    | SOURCE STRING       { $$ = item(ctx, SP_ITEM_SOURCE, @1); if ($$) { $$->name = $2; $$->name_start = @2.start; $$->name_end = @2.end; } }
    | EXTENDS STRING      { $$ = item(ctx, SP_ITEM_EXTENDS, @1); if ($$) { $$->name = $2; $$->name_start = @2.start; $$->name_end = @2.end; } }
    | FIGURES IN FORCE IDENT name
                          { $$ = item(ctx, SP_ITEM_IN_FORCE, @1); if ($$) { $$->name = $5; $$->name_start = @5.start; $$->name_end = @5.end;
                            if (strcmp($4, "on") != 0) { ctx->failed = true; sp_diag_error(ctx->diags, "E0100", ctx->src, @4.start, @4.end, "expected 'figures in force on FACT'"); } } }
    | REFERENCE name      { $$ = item(ctx, SP_ITEM_REFERENCE, @1); if ($$) { $$->name = $2; $$->name_start = @2.start; $$->name_end = @2.end; } }
    | decl
    | example
    ;

decl
    : TYPE IDENT ':' type
        { $$ = item(ctx, SP_ITEM_TYPE, @1); if ($$) { $$->name = $2; $$->name_start = @2.start; $$->name_end = @2.end; $$->type = $4; } }
    | fact_decl
    | FIGURE IDENT ':' type '=' constant annots
        { $$ = item(ctx, SP_ITEM_FIGURE, @1); if ($$) { $$->name = $2; $$->name_start = @2.start; $$->name_end = @2.end; $$->type = $4; $$->value = $6; $$->annots = $7.head; } }
    | FIGURE IDENT ':' type dated_values annots
        { $$ = item(ctx, SP_ITEM_FIGURE, @1); if ($$) { $$->name = $2; $$->name_start = @2.start; $$->name_end = @2.end; $$->type = $4; $$->versions = $5.head; $$->annots = $6.head; } }
    | TABLE IDENT ':' type BY IDENT dated_tables annots
        { $$ = item(ctx, SP_ITEM_TABLE, @1); if ($$) { $$->name = $2; $$->name_start = @2.start; $$->name_end = @2.end; $$->type = $4;
          $$->key_type = $6; $$->key_start = @6.start; $$->key_end = @6.end; $$->versions = $7.head; $$->annots = $8.head; } }
    | TABLE IDENT ':' type BY IDENT entries annots
        { $$ = item(ctx, SP_ITEM_TABLE, @1); if ($$) { $$->name = $2; $$->name_start = @2.start; $$->name_end = @2.end; $$->type = $4;
          $$->key_type = $6; $$->key_start = @6.start; $$->key_end = @6.end; $$->entries = $7.head; $$->annots = $8.head; } }
    | OUTPUT IDENT ':' type
        { $$ = item(ctx, SP_ITEM_OUTPUT, @1); if ($$) { $$->name = $2; $$->name_start = @2.start; $$->name_end = @2.end; $$->type = $4; } }
    | OUTPUT IDENT ':' type STRING
        { $$ = item(ctx, SP_ITEM_OUTPUT, @1); if ($$) { $$->name = $2; $$->name_start = @2.start; $$->name_end = @2.end; $$->type = $4; $$->description = $5; $$->desc_start = @5.start; $$->desc_end = @5.end; } }
    | VALUE IDENT ':' type rule_body
        { $$ = $5; if ($$) { $$->kind = SP_ITEM_VALUE; $$->start = @1.start; $$->end = @1.end; $$->name = $2; $$->name_start = @2.start; $$->name_end = @2.end; $$->type = $4; } }
    | RULE IDENT FOR IDENT rule_body
        { $$ = $5; if ($$) { $$->kind = SP_ITEM_RULE; $$->start = @1.start; $$->end = @1.end; $$->name = $2; $$->name_start = @2.start; $$->name_end = @2.end;
          $$->target = $4; $$->target_start = @4.start; $$->target_end = @4.end; } }
    | RULE IDENT REPLACES IDENT rule_body
        { $$ = $5; if ($$) { $$->kind = SP_ITEM_RULE; $$->start = @1.start; $$->end = @1.end; $$->name = $2; $$->name_start = @2.start; $$->name_end = @2.end;
          $$->target = $4; $$->target_start = @4.start; $$->target_end = @4.end; $$->replaces = true; } }
    ;

fact_decl
    : FACT name ':' type
        { $$ = item(ctx, SP_ITEM_FACT, @1); if ($$) { $$->name = $2; $$->name_start = @2.start; $$->name_end = @2.end; $$->type = $4; $$->at_most = -1; } }
    | fact_decl REQUIRED                  { $$ = $1; if ($$) $$->required = true; }
    | fact_decl DEFAULT constant           { $$ = $1; if ($$) $$->default_value = $3; }
    | fact_decl AT MOST INTEGER
        { $$ = $1; if ($$) { $$->at_most = whole(ctx, $4, 1000000, @4); $$->at_most_start = @4.start; $$->at_most_end = @4.end; } }
    | fact_decl FROM constant TO constant   { $$ = $1; if ($$) { $$->from = $3; $$->to = $5; } }
    | fact_decl STRING                    { $$ = $1; if ($$) { $$->description = $2; $$->desc_start = @2.start; $$->desc_end = @2.end; } }
    ;

type
    : base_type
    | base_type OR NULL_      { $$ = $1; if ($$) $$->nullable = true; }
    ;

base_type
    : BOOL                { $$ = NEW(sp_type); if ($$) { $$->kind = SP_TYPE_BOOL; $$->start = @$.start; $$->end = @$.end; } }
    | WHOLE_NUMBER        { $$ = NEW(sp_type); if ($$) { $$->kind = SP_TYPE_WHOLE; $$->start = @$.start; $$->end = @$.end; } }
    | MONEY               { $$ = NEW(sp_type); if ($$) { $$->kind = SP_TYPE_MONEY; $$->start = @$.start; $$->end = @$.end; } }
    | DATE_T              { $$ = NEW(sp_type); if ($$) { $$->kind = SP_TYPE_DATE; $$->start = @$.start; $$->end = @$.end; } }
    | TEXT_T              { $$ = NEW(sp_type); if ($$) { $$->kind = SP_TYPE_TEXT; $$->start = @$.start; $$->end = @$.end; } }
    | ONE OF idents       { $$ = NEW(sp_type); if ($$) { $$->kind = SP_TYPE_ENUM; $$->values = $3.head; $$->start = @$.start; $$->end = @$.end; } }
    | LIST OF base_type   { $$ = NEW(sp_type); if ($$) { $$->kind = SP_TYPE_LIST; $$->elem = $3; $$->start = @$.start; $$->end = @$.end; } }
    | IDENT               { $$ = NEW(sp_type); if ($$) { $$->kind = SP_TYPE_NAMED; $$->name = $1; $$->start = @$.start; $$->end = @$.end; } }
    ;

idents
    : IDENT               { sp_ident *i = NEW(sp_ident); $$.head = $$.tail = NULL; if (i) { i->name = $1; i->start = @1.start; i->end = @1.end; APPEND($$, i); } }
    | idents ',' IDENT    { sp_ident *i = NEW(sp_ident); $$ = $1; if (i) { i->name = $3; i->start = @3.start; i->end = @3.end; APPEND($$, i); } }
    ;

name
    : IDENT
    | DOTTED
    ;

rule_body
    : annots '=' expr annots
        { $$ = item(ctx, SP_ITEM_RULE, @$); sp_branch *b = NEW(sp_branch);
          if ($$ && b) { b->value = $3; b->start = @2.start; b->end = @3.end; $$->branches = b;
            $$->annots = $1.head; if ($1.tail) $1.tail->next = $4.head; else $$->annots = $4.head; } }
    | annots branches otherwise
        { $$ = item(ctx, SP_ITEM_RULE, @$); if ($$) { $$->annots = $1.head; APPEND($2, $3); $$->branches = $2.head; } }
    ;

branches
    : %empty              { $$.head = $$.tail = NULL; }
    | branches branch     { $$ = $1; APPEND($$, $2); }
    ;

branch
    : WHEN expr ':' expr annots
        { $$ = NEW(sp_branch); if ($$) { $$->cond = $2; $$->value = $4; $$->annots = $5.head; $$->start = @1.start; $$->end = @4.end; } }
    ;

otherwise
    : OTHERWISE ':' expr annots
        { $$ = NEW(sp_branch); if ($$) { $$->value = $3; $$->annots = $4.head; $$->start = @1.start; $$->end = @3.end; } }
    ;

annots
    : %empty              { $$.head = $$.tail = NULL; }
    | annots annot        { $$ = $1; APPEND($$, $2); }
    ;

annot
    : CITES STRING        { $$ = NEW(sp_annot); if ($$) { $$->kind = SP_ANNOT_CITES; $$->text = $2; $$->start = @1.start; $$->end = @2.end; $$->text_start = @2.start; $$->text_end = @2.end; } }
    | CITES STRING IN STRING
                          { $$ = NEW(sp_annot); if ($$) { $$->kind = SP_ANNOT_CITES; $$->text = $2; $$->document = $4; $$->start = @1.start; $$->end = @4.end;
                            $$->text_start = @2.start; $$->text_end = @2.end; $$->doc_start = @4.start; } }
    | ASSUME STRING       { $$ = NEW(sp_annot); if ($$) { $$->kind = SP_ANNOT_ASSUME; $$->text = $2; $$->start = @1.start; $$->end = @2.end; $$->text_start = @2.start; $$->text_end = @2.end; } }
    ;

/* Values in force from a date: `= 12.50 from 2025-04-07`, or a table's rows
** under `from 2025-04-07`. */
dated_values
    : dated_value         { $$.head = $$.tail = NULL; APPEND($$, $1); }
    | dated_values dated_value { $$ = $1; APPEND($$, $2); }
    ;

dated_value
    : '=' constant FROM constant
        { $$ = NEW(sp_version); if ($$) { $$->value = $2; $$->from = $4; } }
    ;

dated_tables
    : dated_table         { $$.head = $$.tail = NULL; APPEND($$, $1); }
    | dated_tables dated_table { $$ = $1; APPEND($$, $2); }
    ;

dated_table
    : FROM constant entries
        { $$ = NEW(sp_version); if ($$) { $$->from = $2; $$->entries = $3.head; } }
    ;

entries
    : %empty              { $$.head = $$.tail = NULL; }
    | entries IDENT ':' constant
        { sp_pair *p = NEW(sp_pair); $$ = $1; if (p) { p->name = $2; p->start = @2.start; p->end = @2.end; p->value = $4; APPEND($$, p); } }
    ;

example
    : EXAMPLE STRING GIVEN pairs EXPECT pairs
        { $$ = item(ctx, SP_ITEM_EXAMPLE, @1); if ($$) { $$->name = $2; $$->name_start = @2.start; $$->name_end = @2.end; $$->given = $4.head; $$->expect = $6.head; } }
    ;

pairs
    : %empty              { $$.head = $$.tail = NULL; }
    | pairs name '=' constant
        { sp_pair *p = NEW(sp_pair); $$ = $1; if (p) { p->name = $2; p->start = @2.start; p->end = @2.end; p->value = $4; APPEND($$, p); } }
    ;

expr
    : postfix
    | IF expr THEN expr ELSE expr %prec IF
                          { $$ = expr(ctx, SP_EXPR_IF, @$); if ($$) { $$->a = $2; $$->b = $4; $$->c = $6; } }
    | expr ROUNDED TO round_words
                          { $$ = expr(ctx, SP_EXPR_ROUND, @$); if ($$) { $$->a = $1; $$->round_words = $4.head; } }
    | expr OR expr        { $$ = binary(ctx, SP_EXPR_OR, $1, $3, @$); }
    | expr AND expr       { $$ = binary(ctx, SP_EXPR_AND, $1, $3, @$); }
    | NOT expr            { $$ = expr(ctx, SP_EXPR_NOT, @$); if ($$) $$->a = $2; }
    | expr '=' expr       { $$ = binary(ctx, SP_EXPR_CMP, $1, $3, @$); if ($$) $$->op = SP_CMP_EQ; }
    | expr IS expr        { $$ = binary(ctx, SP_EXPR_CMP, $1, $3, @$); if ($$) $$->op = SP_CMP_EQ; }
    | expr NE expr        { $$ = binary(ctx, SP_EXPR_CMP, $1, $3, @$); if ($$) $$->op = SP_CMP_NE; }
    | expr IS_NOT expr    { $$ = binary(ctx, SP_EXPR_CMP, $1, $3, @$); if ($$) $$->op = SP_CMP_NE; }
    | expr '<' expr       { $$ = binary(ctx, SP_EXPR_CMP, $1, $3, @$); if ($$) $$->op = SP_CMP_LT; }
    | expr BEFORE expr    { $$ = binary(ctx, SP_EXPR_CMP, $1, $3, @$); if ($$) $$->op = SP_CMP_LT; }
    | expr LE expr        { $$ = binary(ctx, SP_EXPR_CMP, $1, $3, @$); if ($$) $$->op = SP_CMP_LE; }
    | expr ON_OR_BEFORE expr { $$ = binary(ctx, SP_EXPR_CMP, $1, $3, @$); if ($$) $$->op = SP_CMP_LE; }
    | expr '>' expr       { $$ = binary(ctx, SP_EXPR_CMP, $1, $3, @$); if ($$) $$->op = SP_CMP_GT; }
    | expr AFTER expr     { $$ = binary(ctx, SP_EXPR_CMP, $1, $3, @$); if ($$) $$->op = SP_CMP_GT; }
    | expr GE expr        { $$ = binary(ctx, SP_EXPR_CMP, $1, $3, @$); if ($$) $$->op = SP_CMP_GE; }
    | expr ON_OR_AFTER expr  { $$ = binary(ctx, SP_EXPR_CMP, $1, $3, @$); if ($$) $$->op = SP_CMP_GE; }
    | expr IS ONE OF '(' exprs ')'
                          { $$ = expr(ctx, SP_EXPR_ONE_OF, @$); if ($$) { $$->a = $1; $$->args = to_array(ctx, $6.head, &$$->n_args); } }
    | expr IS_NOT ONE OF '(' exprs ')'
                          { sp_expr *in = expr(ctx, SP_EXPR_ONE_OF, @$); $$ = expr(ctx, SP_EXPR_NOT, @$);
                            if (in && $$) { in->a = $1; in->args = to_array(ctx, $6.head, &in->n_args); $$->a = in; } }
    | expr '+' expr       { $$ = binary(ctx, SP_EXPR_ADD, $1, $3, @$); }
    | expr '-' expr       { $$ = binary(ctx, SP_EXPR_SUB, $1, $3, @$); }
    | expr '*' expr       { $$ = binary(ctx, SP_EXPR_MUL, $1, $3, @$); }
    | expr '/' expr       { $$ = binary(ctx, SP_EXPR_DIV, $1, $3, @$); }
    | '-' expr %prec UMINUS { $$ = expr(ctx, SP_EXPR_NEG, @$); if ($$) $$->a = $2; }
    ;

round_words
    : IDENT               { sp_ident *i = NEW(sp_ident); $$.head = $$.tail = NULL; if (i) { i->name = $1; i->start = @1.start; i->end = @1.end; APPEND($$, i); } }
    | round_words IDENT   { sp_ident *i = NEW(sp_ident); $$ = $1; if (i) { i->name = $2; i->start = @2.start; i->end = @2.end; APPEND($$, i); } }
    ;

postfix
    : primary
    | postfix '[' expr ']'  { $$ = binary(ctx, SP_EXPR_INDEX, $1, $3, @$); }
    ;

primary
    : literal
    | name                { $$ = expr(ctx, SP_EXPR_NAME, @$); if ($$) $$->name = $1; }
    | BASE                { $$ = expr(ctx, SP_EXPR_BASE, @$); }
    | IDENT '(' exprs ')' { $$ = expr(ctx, SP_EXPR_CALL, @$); if ($$) { $$->name = $1; $$->args = to_array(ctx, $3.head, &$$->n_args); } }
    | BIRTHDAY '(' exprs ')'  /* `birthday` is also the word of `21st birthday of` */
                          { $$ = expr(ctx, SP_EXPR_CALL, @$); if ($$) { $$->name = "birthday"; $$->args = to_array(ctx, $3.head, &$$->n_args); } }
    | '(' expr ')'        { $$ = $2; if ($$) $$->parens = true; }
    | '[' items ']'       { $$ = expr(ctx, SP_EXPR_LIST, @$); if ($$) $$->args = to_array(ctx, $2.head, &$$->n_args); }
    | FIRST INTEGER IDENT ON_OR_AFTER primary
                          { $$ = expr(ctx, SP_EXPR_NEXT_DATE, @$); if ($$) { $$->count = whole(ctx, $2, 31, @2); $$->name = $3; $$->a = $5; } }
    | '[' ']'             { $$ = expr(ctx, SP_EXPR_LIST, @$); }
    | ORDINAL BIRTHDAY OF primary
                          { $$ = expr(ctx, SP_EXPR_BIRTHDAY, @$); if ($$) { $$->count = $1; $$->a = $4; } }
    | INTEGER unit        { $$ = expr(ctx, SP_EXPR_DURATION, @$); if ($$) { $$->count = whole(ctx, $1, 1000000, @1); $$->op = $2; } }
    ;

unit
    : DAYS                { $$ = SP_UNIT_DAYS; }
    | WEEKS               { $$ = SP_UNIT_WEEKS; }
    | MONTHS              { $$ = SP_UNIT_MONTHS; }
    | YEARS               { $$ = SP_UNIT_YEARS; }
    ;

/* The items of a list; `x when c` is there only when c holds. */
items
    : list_item           { $$.head = $$.tail = $1; $$.n = 1; }
    | items ',' list_item { $$ = $1; if ($3) { if ($$.tail) $$.tail->next_item = $3; else $$.head = $3; $$.tail = $3; } $$.n++; }
    ;

list_item
    : expr
    | expr WHEN expr      { $$ = binary(ctx, SP_EXPR_ITEM_WHEN, $1, $3, @$); }
    ;

exprs
    : expr                { $$.head = $$.tail = $1; $$.n = 1; }
    | exprs ',' expr      { $$ = $1; if ($3) { if ($$.tail) $$.tail->next_item = $3; else $$.head = $3; $$.tail = $3; } $$.n++; }
    ;

literal
    : number
    | DATE                { $$ = expr(ctx, SP_EXPR_DATE, @$); if ($$) $$->date = $1; }
    | STRING              { $$ = expr(ctx, SP_EXPR_TEXT, @$); if ($$) { $$->text = $1; $$->text_len = strlen($1); } }
    | TRUE                { $$ = expr(ctx, SP_EXPR_BOOL, @$); if ($$) $$->boolean = true; }
    | FALSE               { $$ = expr(ctx, SP_EXPR_BOOL, @$); if ($$) $$->boolean = false; }
    | NULL_               { $$ = expr(ctx, SP_EXPR_NULL, @$); }
    ;

/* Constants: what examples, defaults, figures and tables hold. A bare name
** is an enumeration value here. */
constant
    : literal
    | IDENT               { $$ = expr(ctx, SP_EXPR_NAME, @$); if ($$) $$->name = $1; }
    | '-' number          { $$ = expr(ctx, SP_EXPR_NEG, @$); if ($$) $$->a = $2; }
    | '[' constants ']'   { $$ = expr(ctx, SP_EXPR_LIST, @$); if ($$) $$->args = to_array(ctx, $2.head, &$$->n_args); }
    | '[' ']'             { $$ = expr(ctx, SP_EXPR_LIST, @$); }
    ;

constants
    : constant            { $$.head = $$.tail = $1; $$.n = 1; }
    | constants ',' constant { $$ = $1; if ($3) { if ($$.tail) $$.tail->next_item = $3; else $$.head = $3; $$.tail = $3; } $$.n++; }
    ;

number
    : INTEGER             { $$ = expr(ctx, SP_EXPR_NUMBER, @$); if ($$) $$->num = $1; }
    | DECIMAL             { $$ = expr(ctx, SP_EXPR_NUMBER, @$); if ($$) { $$->num = $1; $$->is_decimal = true; } }
    ;

%%

static void *node(sp_parse_ctx *ctx, size_t size)
{
    void *p = sp_arena_alloc(ctx->arena, size);
    if (!p)
        ctx->oom = true;
    return p;
}

static sp_expr *expr(sp_parse_ctx *ctx, sp_expr_kind kind, sp_span at)
{
    sp_expr *e = node(ctx, sizeof *e);
    if (e) {
        e->kind = kind;
        e->start = at.start;
        e->end = at.end;
        e->sym = -1;
        e->enum_value = -1;
    }
    return e;
}

static sp_expr *binary(sp_parse_ctx *ctx, sp_expr_kind kind, sp_expr *a, sp_expr *b, sp_span at)
{
    sp_expr *e = expr(ctx, kind, at);
    if (e) {
        e->a = a;
        e->b = b;
    }
    return e;
}

/* A count written in the rule (a duration, a list bound): a number too large
** is reported, never silently capped. */
static int64_t whole(sp_parse_ctx *ctx, sp_num n, int64_t most, sp_span at)
{
    if (n.den == 1 && n.num <= most)
        return (int64_t)n.num;
    ctx->failed = true;
    sp_diag_error(ctx->diags, "E0104", ctx->src, at.start, at.end, "number too large here (at most %lld)",
                  (long long)most);
    return most;
}

static sp_item *item(sp_parse_ctx *ctx, sp_item_kind kind, sp_span at)
{
    sp_item *it = node(ctx, sizeof *it);
    if (it) {
        it->kind = kind;
        it->src = ctx->src;
        it->start = at.start;
        it->end = at.end;
        it->at_most = -1;
    }
    return it;
}

/* Lists of expressions are chained through ->next_item while parsing, then
** flattened into an array here. */
static sp_expr **to_array(sp_parse_ctx *ctx, sp_expr *head, size_t *n)
{
    size_t count = 0;
    for (sp_expr *e = head; e; e = e->next_item)
        count++;
    *n = count;
    if (!count)
        return NULL;
    sp_expr **arr = node(ctx, count * sizeof *arr);
    if (!arr)
        return NULL;
    size_t i = 0;
    for (sp_expr *e = head, *next; e; e = next) {
        next = e->next_item;
        e->next_item = NULL;
        arr[i++] = e;
    }
    return arr;
}

static void sp_yyerror(SP_YYLTYPE *loc, void *scanner, sp_parse_ctx *ctx, const char *msg)
{
    (void)scanner;
    ctx->failed = true;
    if (strcmp(msg, "memory exhausted") == 0) {
        if (stack_oom) {
            ctx->oom = true;
            return;
        }
        ctx->too_deep = true;
        sp_diag_error(ctx->diags, "E0105", ctx->src, loc->start, loc->end,
                      "nested too deeply to read: more than %d brackets, operators and "
                      "conditions are open here",
                      SP_MAX_PARSE_DEPTH);
        return;
    }
    sp_diag_error(ctx->diags, "E0100", ctx->src, loc->start, loc->end, "%s", msg);
}

static int yyreport_syntax_error(const yypcontext_t *pctx, void *scanner, sp_parse_ctx *ctx)
{
    (void)scanner;
    enum { MAX_EXPECTED = 8 };
    yysymbol_kind_t expected[MAX_EXPECTED];
    int n = yypcontext_expected_tokens(pctx, expected, MAX_EXPECTED);
    yysymbol_kind_t found = yypcontext_token(pctx);
    const SP_YYLTYPE *loc = yypcontext_location(pctx);
    char msg[512];
    size_t len = 0;
    if (n <= 0) {
        len += (size_t)snprintf(msg + len, sizeof msg - len, "unexpected %s here",
                                found == YYSYMBOL_YYEOF ? "end of the file" : yysymbol_name(found));
    } else {
        len += (size_t)snprintf(msg + len, sizeof msg - len, "expected ");
        for (int i = 0; i < n && len < sizeof msg; i++)
            len += (size_t)snprintf(msg + len, sizeof msg - len, "%s%s",
                                    i == 0 ? "" : (i == n - 1 ? " or " : ", "),
                                    yysymbol_name(expected[i]));
        if (len < sizeof msg)
            snprintf(msg + len, sizeof msg - len, ", found %s",
                     found == YYSYMBOL_YYEOF ? "the end of the file" : yysymbol_name(found));
    }
    ctx->failed = true;
    sp_diag_error(ctx->diags, "E0100", ctx->src, loc->start, loc->end, "%s", msg);
    return 0;
}

/* A rule file is UTF-8 text: each line holding a byte that is not is reported
** (its first such byte), and the file is not parsed. */
static bool utf8_checked(const sp_source *src, sp_diags *diags)
{
    bool ok = true;
    size_t at = 0;
    while ((at = sp_utf8_invalid(src->text, src->len, at)) < src->len) {
        ok = false;
        if (!sp_diag_error(diags, "E0106", src, at, at + 1,
                           "not UTF-8 text (byte 0x%02x): save the file as UTF-8",
                           (unsigned char)src->text[at]))
            break;
        const char *nl = memchr(src->text + at, '\n', src->len - at);
        at = nl ? (size_t)(nl - src->text) + 1 : src->len;
    }
    return ok;
}

sp_parse_status sp_parse_source(sp_arena *arena, const sp_source *src, sp_diags *diags,
                                sp_item **items)
{
    return sp_parse_source_comments(arena, src, diags, items, NULL);
}

sp_parse_status sp_parse_source_comments(sp_arena *arena, const sp_source *src,
                                         sp_diags *diags, sp_item **items,
                                         sp_comment **comments)
{
    if (!utf8_checked(src, diags))
        return SP_PARSE_ERRORS;
    sp_parse_ctx ctx = { .arena = arena, .src = src, .diags = diags, .keep_comments = comments != NULL };
    void *scanner = NULL;
    if (src->len > INT_MAX || sp_yylex_init_extra(&ctx, &scanner) != 0)
        return SP_PARSE_OOM;
    int rc = 2;
    /* The scanner's fatal errors come back here (see lexer.l). What the
    ** parser had allocated is in the arena, freed with the policy. */
    stack_oom = false;
    if (setjmp(ctx.on_fatal) == 0) {
        sp_yy_scan_bytes(src->text, (int)src->len, scanner);
        rc = sp_yyparse(scanner, &ctx);
    }
    sp_yylex_destroy(scanner);
    for (size_t i = 0; i < sizeof ctx.scanner_blocks / sizeof *ctx.scanner_blocks; i++)
        free(ctx.scanner_blocks[i]); /* what a fatal error left (lexer.l) */
    if ((rc == 2 && !ctx.too_deep) || ctx.oom)
        return SP_PARSE_OOM;
    *items = ctx.head;
    if (comments)
        *comments = ctx.comments;
    return !ctx.failed && rc == 0 ? SP_PARSE_OK : SP_PARSE_ERRORS;
}
